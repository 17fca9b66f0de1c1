import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/doctor';
import { loadCatalog } from '../../src/catalog';
import { CONFIDENT, Matcher } from '../../src/match';

const catalog = loadCatalog();
const now = new Date('2026-11-25T12:00:00Z');
const matcher = new Matcher(catalog);
const top = (text: string) => analyzeText(text, matcher, now).candidates[0];

/** Every entry carries real pastes it must answer (`examples.match`) and look-alikes it must not. */
describe.each(catalog.map((e) => [e.id, e] as const))('catalogue entry %s', (id, entry) => {
  // A generic catch-all (every rule a `hint`, below CONFIDENT) must still win its examples, as a "Possibly".
  const generic = entry.match.every((r) => r.evidence === 'hint');
  it.each(entry.examples.match.map((t, i) => [i, t] as const))('answers its example %i', (_i, text) => {
    const best = top(text);
    expect(best?.entry.id, `best candidate for:\n${text}`).toBe(id);
    // A hint rule (a scope hedge, or an API error retold in a report's own words) is a hedge by design,
    // whatever the entry's other rules: its example must still pick this entry, as a "Possibly".
    const rule = best!.entry.match[best!.rule]!;
    if (!generic && rule.evidence !== 'hint') expect(best!.confidence).toBeGreaterThanOrEqual(CONFIDENT);
  });
  if (entry.examples.nomatch.length > 0) {
    it.each(entry.examples.nomatch.map((t, i) => [i, t] as const))('does not answer look-alike %i', (_i, text) => {
      const best = top(text);
      const answered = best?.entry.id === id && best.confidence >= CONFIDENT;
      expect(answered, `look-alike answered by ${id}:\n${text}`).toBe(false);
    });
  }
});
