import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';

/**
 * The overloaded entry's streaming / Batches and model-fallback steps are for people whose code
 * builds the request (`for: [code]`). Read in the first message: a Claude Code user never sees them,
 * and a Python user still gets the universal retry step first, not a group's advice in its place.
 */
const doctor = createDoctor({ now: () => new Date('2026-12-07T12:00:00Z') });
const reply = async (text: string) => (await doctor.diagnose({ platform: 'test', text })).reply;

describe('the overloaded reply, by client', () => {
  const claudeCode = 'API Error: Repeated 529 Overloaded errors. The API is at capacity — this is usually temporary. Try again in a moment. If it persists, check https://status.claude.com.\n> claude --continue';
  const python =
    "Traceback (most recent call last):\n  File \"app.py\", line 9, in <module>\n    msg = client.messages.create(model=\"claude-sonnet-4-5\", max_tokens=1024, messages=msgs)\nanthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}";
  const stepsOf = (r: string) => r.split('\n').filter((l) => /^\d\. /.test(l));

  it('gives a Claude Code user no streaming / Message Batches advice and no retry policy to write (Claude Code already retried)', async () => {
    const d = await doctor.diagnose({ platform: 'test', text: claudeCode });
    expect(d.reply).toMatch(/\/model/);
    expect(`${d.reply}\n${d.details}`).not.toMatch(/Message Batches|streaming|backoff|jitter/i);
  });

  it('keeps the universal wait-and-retry step first for a Python user, with the backoff for code after it', async () => {
    const d = await doctor.diagnose({ platform: 'test', text: python });
    expect(stepsOf(d.reply)[0]).toMatch(/^1\. Wait a minute, then retry/);
    expect(d.document.fix.some((s) => /exponential backoff and jitter/.test(s))).toBe(true);
    expect(d.reply).not.toMatch(/Claude Code/);
  });

  it('still tells someone whose client is unknown to retry (a bare 529 body)', async () => {
    const r = await reply('{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}');
    expect(stepsOf(r)[0]).toMatch(/^1\. Wait a minute, then retry/);
  });
});
