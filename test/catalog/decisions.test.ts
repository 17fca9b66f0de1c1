import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog';
import { analyzeText } from '../../src/doctor';
import { analyzeShipped, blockedBy, decidedBy, fullKey, needingEdge } from '../support/decisions';

/**
 * Every rule, veto and precedence edge of the catalogue earns its place on the shipped texts (entry
 * examples and look-alikes, the labelled corpus, the documented errors), and names the texts it is
 * for; precedence leaves no answer to entry-id order. See test/support/decisions.ts for the terms.
 */
const catalog = loadCatalog();
const d = analyzeShipped(catalog);
const keys = new Set(d.texts.map((t) => t.key));
const rules = catalog.flatMap((entry, e) => entry.match.map((rule, r) => ({ entry, e, rule, r, name: `${entry.id} rule ${r}` })));

describe('catalogue decisions on the shipped texts', () => {
  it('reads every shipped text', () => {
    expect(d.texts.length).toBeGreaterThan(1500);
    expect(d.texts.filter((t) => t.kind === 'contract').length).toBeGreaterThanOrEqual(22);
  });

  it('leaves no text to an unresolved tie: precedence names the winner', () => {
    const ties = d.texts.flatMap((t) => {
      const top = t.candidates[0];
      return top?.tiedWith ? [`${t.key}: ${top.entry.id} and ${top.tiedWith.join(', ')} fire in tier ${top.evidence} with no outranks path between them`] : [];
    });
    expect(ties).toEqual([]);
  });

  it('has no rule that decides no text (a dead rule goes)', () => {
    expect(rules.filter((x) => decidedBy(d, x.e, x.r).length === 0).map((x) => x.name)).toEqual([]);
  });

  it('names, for every rule, only shipped texts the rule decides', () => {
    const wrong = rules.flatMap((x) => {
      const decided = new Set(decidedBy(d, x.e, x.r).map((t) => t.key));
      return x.rule.examples.map((ref) => fullKey(x.entry.id, ref)).filter((k) => !decided.has(k)).map((k) => `${x.name}: ${k} ${keys.has(k) ? 'is not decided by it' : 'is not a shipped text'}`);
    });
    expect(wrong).toEqual([]);
  });

  it('has no veto that blocks no text, and names only texts it blocks', () => {
    const wrong = rules
      .filter((x) => x.rule.unless)
      .flatMap((x) => {
        const blocked = new Set(blockedBy(d, x.e, x.r).map((t) => t.key));
        if (blocked.size === 0) return [`${x.name}: its veto blocks no shipped text`];
        return (x.rule.blocks ?? []).map((ref) => fullKey(x.entry.id, ref)).filter((k) => !blocked.has(k)).map((k) => `${x.name}: veto does not block ${k}`);
      });
    expect(wrong).toEqual([]);
  });

  it('has no outranks edge that decides no text', () => {
    const index = new Map(catalog.map((e, i) => [e.id, i]));
    const dead = catalog.flatMap((e, i) => e.outranks.filter((to) => needingEdge(d, i, index.get(to)!).length === 0).map((to) => `${e.id} → ${to}`));
    expect(dead).toEqual([]);
  });

  it('finds through the needle index exactly what a plain loop over every rule finds (the prefilter drops nothing)', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const differ = d.texts.flatMap((t) => {
      const a = analyzeText(t.text, d.matcher, now);
      const input = { signals: a.signals, text: a.extraction.focus, lower: a.extraction.focusLower };
      const show = (r: ReturnType<typeof d.matcher.match>) =>
        JSON.stringify([r.candidates.map((c) => `${c.entry.id}#${c.rule} ${c.evidence}`), r.vetoed.map((v) => `${v.entry.id}#${v.rule}`)]);
      const indexed = show(d.matcher.match(input));
      const plain = show(d.matcher.match(input, { plain: true }));
      return indexed === plain ? [] : [`${t.key}: indexed ${indexed} ≠ plain ${plain}`];
    });
    expect(differ).toEqual([]);
  });
});
