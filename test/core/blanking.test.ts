import { describe, expect, it } from 'vitest';
import { extractSignals } from '../../src/extract';
import { normalizeText } from '../../src/normalize';
import { loadCorpus } from '../support/corpus';

/** What extraction blanks from the text the rules read, by named rule (the trace shows these spans). */
const extract = (text: string) => extractSignals(normalizeText(text).flat, new Date('2026-11-25T12:00:00Z'));
const blankedText = (flat: string, spans: { start: number; end: number }[]) => spans.map((s) => flat.slice(s.start, s.end).trim());

// older-retry-line: test/core/extract.test.ts, "Claude Code retry sequences".
describe('extraction blanks, each span named by its rule', () => {
  it('other-error-body: a second, different body, not the primary one', () => {
    const flat = normalizeText(
      'first try: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}} then: {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}',
    ).flat;
    const { blanked, signals } = extractSignals(flat);
    expect(signals.type).toBe('rate_limit_error');
    expect(blanked.map((s) => s.rule)).toEqual(['other-error-body']);
    expect(blankedText(flat, blanked)[0]).toContain('Overloaded');
  });

  it('stale-bug-log: the bodies of a /bug **Errors** log older than the banner', () => {
    // hk-013: "API Error: 500 Internal server error…" in the description, an earlier edge 403 in the log.
    const text = loadCorpus('holdout-6c.jsonl').find((c) => c.id === 'hk-013')!.text;
    const flat = normalizeText(text).flat;
    const { blanked, focus } = extract(text);
    expect(blanked.length).toBeGreaterThan(0);
    expect(new Set(blanked.map((s) => s.rule))).toEqual(new Set(['stale-bug-log']));
    expect(blankedText(flat, blanked).join(' ')).toContain('Request not allowed');
    expect(focus).not.toContain('Request not allowed');
  });

  it('blanks nothing in a paste with one error', () => {
    expect(extract('anthropic.RateLimitError: Error code: 429 - {"type":"error","error":{"type":"rate_limit_error","message":"x"}}').blanked).toEqual([]);
  });
});
