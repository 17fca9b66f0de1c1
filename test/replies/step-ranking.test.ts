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
  it('gives a Claude Code user no streaming / Message Batches advice', async () => {
    const r = await reply('API Error: Repeated 529 Overloaded errors. The API is at capacity — this is usually temporary. Try again in a moment. If it persists, check https://status.claude.com.\n> claude --continue');
    expect(r).toMatch(/\/model/);
    expect(r).not.toMatch(/Message Batches|streaming/i);
  });

  it('keeps the universal retry step first for a Python user, with the code-only steps after it', async () => {
    const r = await reply(
      "Traceback (most recent call last):\n  File \"app.py\", line 9, in <module>\n    msg = client.messages.create(model=\"claude-sonnet-4-5\", max_tokens=1024, messages=msgs)\nanthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}",
    );
    const steps = r.split('\n').filter((l) => /^\d\. /.test(l));
    expect(steps[0]).toMatch(/^1\. Retry with exponential backoff/);
    expect(r).not.toMatch(/Claude Code/);
  });
});
