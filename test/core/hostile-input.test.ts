import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { normalizeText } from '../../src/normalize';
import { HOSTILE_INPUTS } from '../support/hostile';

const doctor = createDoctor();

/**
 * Issue 15: pastes on which a regex backtracked for seconds (64,000 backslashes: 11-15 s). They are
 * answered like the same error without the hostile part. Time per KB is a bench figure
 * (`npm run bench`), never asserted here.
 */
describe('regex-hostile pastes get the right answer', () => {
  it.each(HOSTILE_INPUTS.map((h) => [h.name, h] as const))('%s', async (_name, h) => {
    const d = await doctor.diagnose({ platform: 'test', text: h.text(64_000) });
    expect(d.category).toBe(h.category);
    expect(d.reply.length).toBeGreaterThan(20);
  });

  it('says it cannot tell what 64,000 backslashes are, and asks for the error', async () => {
    const d = await doctor.diagnose({ platform: 'test', text: '\\'.repeat(64_000) });
    expect(d.source).toBe('none');
    expect(d.reply).toMatch(/paste|error/i);
  });
});

describe('the one-pass unescape reads every escape depth like the passes it replaced', () => {
  it.each([
    ['escaped quotes at any depth', String.raw`{\"type\":\\\"rate_limit_error\\\"}`, '{"type":"rate_limit_error"}'],
    ['single quotes', String.raw`it\'s \\\'x\\\'`, "it's 'x'"],
    ['newlines, returns and tabs become spaces', String.raw`a\nb\\rc\\\td`, 'a b c d'],
    ['unicode escapes', String.raw`\u0022x\\u00e9`, '"xé'],
    ['a run of backslashes before other characters stays', String.raw`C:\\\\Users x\\\\`, String.raw`C:\\\\Users x\\\\`],
    ['a backslash run before a newline escape', String.raw`x\\\\\\\\n"`, 'x "'],
    ['HTML entities first', 'roles must alternate between &quot;user&quot;', 'roles must alternate between "user"'],
  ])('%s', (_name, raw, flat) => {
    expect(normalizeText(raw).flat).toBe(flat);
  });
});
