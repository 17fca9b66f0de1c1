import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog';
import { extractSignals } from '../../src/extract';
import { Matcher } from '../../src/match';
import { HOSTILE } from '../support/hostile';

/**
 * Pastes built to make a backtracking regex explode. Every catalogue regex must run in time linear
 * in the paste (the schema bans nested quantifiers; this runs the real thing): a catastrophic
 * pattern does not finish and the test times out. No timing is asserted; `npm run bench` prints
 * the times of the whole pipeline on these pastes.
 */
const catalog = loadCatalog();
const matcher = new Matcher(catalog);
const regexes = catalog.flatMap((e) => e.match.flatMap((r, i) => [r.pattern, r.unless].filter((re): re is RegExp => re !== undefined).map((re) => [`${e.id} rule ${i}`, re] as const)));

describe.each(Object.entries(HOSTILE))('a hostile paste: %s', (_name, text) => {
  it('runs every catalogue regex over it', () => {
    const results = regexes.map(([, re]) => re.test(text));
    expect(results).toHaveLength(regexes.length);
  });

  it('still gets a ranking from extraction and every rule', () => {
    const x = extractSignals(text, new Date('2026-11-25T12:00:00Z'));
    const indexed = matcher.match({ signals: x.signals, text: x.focus, lower: x.focusLower });
    const plain = matcher.match({ signals: x.signals, text: x.focus, lower: x.focusLower }, { plain: true });
    expect(indexed.candidates.map((c) => c.entry.id)).toEqual(plain.candidates.map((c) => c.entry.id));
  });
});
