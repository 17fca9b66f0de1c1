import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog';
import { type Analysis, analysisMatcher, analyzeText } from '../../src/doctor/analyze';
import { Matcher } from '../../src/match';
import { everyText } from '../support/every-text';

/**
 * The doctor's matcher scans each paste once for the catalogue's needles and extraction's literals
 * together; a plain matcher leaves extraction to its own scan. Every text the project holds must
 * get the same analysis both ways, and the rules through the needle index the same ranking as a
 * plain loop over every rule.
 */
const show = (a: Analysis) =>
  JSON.stringify({
    flat: a.normalized.flat,
    signals: a.signals,
    focus: a.extraction.focus,
    blanked: a.extraction.blanked,
    candidates: a.candidates.map((c) => `${c.entry.id}#${c.rule} ${c.evidence} ${c.confidence} ${c.tiedWith ?? ''}`),
    vetoed: a.ranking.vetoed.map((v) => `${v.entry.id}#${v.rule}`),
    warnings: a.warnings,
    findings: a.findings,
  });

describe('one scan shared by extraction and matching', () => {
  const catalog = loadCatalog();
  const shared = analysisMatcher(catalog);
  const separate = new Matcher(catalog);
  const now = new Date('2026-11-25T12:00:00Z');
  const texts = everyText();

  it('gives every text the same analysis as separate scans', () => {
    const differ = texts.filter(({ text }) => show(analyzeText(text, shared, now)) !== show(analyzeText(text, separate, now))).map((t) => t.key);
    expect(differ).toEqual([]);
  });

  it('ranks every text as a plain loop over every rule does', () => {
    const differ = texts.flatMap(({ key, text }) => {
      const a = analyzeText(text, shared, now);
      const input = { signals: a.signals, text: a.extraction.focus, lower: a.extraction.focusLower };
      const ids = (r: ReturnType<Matcher['match']>) => JSON.stringify([r.candidates.map((c) => `${c.entry.id}#${c.rule}`), r.vetoed.map((v) => `${v.entry.id}#${v.rule}`)]);
      const viaShared = ids(shared.match(input, { scan: shared.scan(a.normalized.lower) }));
      const plain = ids(shared.match(input, { plain: true }));
      return viaShared === plain ? [] : [key];
    });
    expect(differ).toEqual([]);
  });
});
