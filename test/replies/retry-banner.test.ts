import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { readRetryBanner } from '../../src/render/retry-banner';

/**
 * Claude Code prints its retry status while it retries by itself; the first message says how far it
 * got and what that means for the error, as the 429 verdict quotes the organisation's limit.
 * Pastes in the two real wordings (catalog/patterns.yaml `claude-code-retry-banner` names the threads).
 */
const doctor = createDoctor({ now: () => new Date('2026-12-07T12:00:00Z') });
const diagnose = (text: string) => doctor.diagnose({ platform: 'test', text });
/** The verdict: the first paragraph after the headline. */
const verdictOf = (reply: string) => reply.split('\n')[1] ?? '';

const CONNECTION_RETRIES = [
  '> hello',
  '  ⎿  API Error (Connection error.) · Retrying in 1 seconds… (attempt 1/10)',
  '    ⎿  TypeError (fetch failed)',
  '  ⎿  API Error (Connection error.) · Retrying in 17 seconds… (attempt 6/10)',
  '    ⎿  TypeError (fetch failed)',
  '  ⎿  API Error (Connection error.) · Retrying in 39 seconds… (attempt 8/10)',
  '    ⎿  TypeError (fetch failed)',
].join('\n');

describe("Claude Code's retry banner in the verdict", () => {
  it('reads the latest attempt of either wording', () => {
    expect(readRetryBanner(CONNECTION_RETRIES)).toEqual({ attempt: 8, of: 10, waitSeconds: 39 });
    expect(readRetryBanner('✻ 529 Overloaded · Retrying in 4s · attempt 6/10')).toEqual({ attempt: 6, of: 10, waitSeconds: 4 });
    // The Python SDK's own retry log is not Claude Code's banner.
    expect(readRetryBanner('INFO:anthropic._base_client:Retrying request to /v1/messages in 0.412000 seconds')).toBeNull();
  });

  it('says a connection failing past half its retries is a broken network path, not a blip', async () => {
    const d = await diagnose(CONNECTION_RETRIES);
    expect(d.category).toBe('network.connection');
    expect(verdictOf(d.reply)).toMatch(/^Claude Code is still retrying by itself: attempt 8 of 10, next in 39 s\. 7 tries in a row failed, so the network path/);
  });

  it('says all retries are used up on a 529 spinner, and keeps the model switch', async () => {
    const d = await diagnose('✻ 529 Overloaded · Retrying in 0s · attempt 10/10\nIf it persists, check https://status.claude.com.');
    expect(d.category).toBe('overloaded');
    expect(verdictOf(d.reply)).toMatch(/^Claude Code already used all 10 of its retries, so capacity for this model stays short/);
    expect(d.reply).toContain('/model');
  });

  it('names CLAUDE_CODE_MAX_RETRIES when the paste shows another limit than the default 10', async () => {
    const d = await diagnose('  ⎿  API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}) · Retrying in 2 seconds… (attempt 3/3)');
    expect(verdictOf(d.reply)).toMatch(/all 3 of its retries.*`CLAUDE_CODE_MAX_RETRIES` is 3 here \(the default is 10\)/);
  });

  it('early in the retries, tells the user to let it run', async () => {
    const d = await diagnose('API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}) · Retrying in 1 seconds… (attempt 2/10)');
    expect(verdictOf(d.reply)).toBe('Claude Code is still retrying by itself: attempt 2 of 10, next in 1 s. Let it run; it shows an error only if the last attempt fails.');
  });

  it('says retrying does not fix an error that is not retryable, and quotes the error without the status', async () => {
    const d = await diagnose('  ⎿  API Error (401 {"error":"Unauthorized"}) · Retrying in 2 seconds… (attempt 3/10)');
    expect(d.category).toBe('auth.invalid_key');
    const verdict = verdictOf(d.reply);
    expect(verdict).toMatch(/^Claude Code retries it by itself \(attempt 3 of 10, next in 2 s\), but retrying does not fix this error/);
    expect(verdict.match(/Retrying in/g)).toBeNull();
  });

  it('says nothing about retries when the paste shows none', async () => {
    const d = await diagnose("anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}");
    expect(d.reply).not.toMatch(/Claude Code (?:is still retrying|already used)/);
  });
});
