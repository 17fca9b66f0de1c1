import { describe, expect, it } from 'vitest';
import type { Signals } from '../../src/contracts';
import { extractSignals } from '../../src/extract';
import { normalizeText } from '../../src/normalize';

const signalsOf = (text: string): Signals =>
  extractSignals(normalizeText(text).flat, new Date('2026-11-25T12:00:00Z')).signals;

describe("Claude Code's 2026 retry spinner: `<status> <message> · Retrying in Ns · attempt x/y`", () => {
  it('reads the status the SDK put in front of a non-Anthropic message', () => {
    // holdout-7a hl-002 (anthropics/claude-code#81567)
    const s = signalsOf(
      '✻ 503 Anthropic pre-upstream queue is saturated. Please retry shortly. · Retrying in 2s · attempt 5/10',
    );
    expect(s.status).toBe(503);
  });

  it('does not take a number that is not at the head of the retried message', () => {
    expect(signalsOf('⎿  Read 403 lines (ctrl+r to expand)').status).toBeNull();
    expect(signalsOf('API error · Retrying in 0s · attempt 2/10').status).toBeNull();
  });
});
