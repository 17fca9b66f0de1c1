import { describe, expect, it } from 'vitest';
import { capRaw, MAX_RAW_CHARS } from '../../src/doctor/input';
import { redactSecrets } from '../../src/redact';

/** A made-up key of the Anthropic shape (95 secret characters). */
const SECRET = `${'Ab3_xY9-Qw'.repeat(9)}Zz7k9`;
const KEY = `sk-ant-api03-${SECRET}`;
/** The key as a Claude Code box shows it: wrapped at `cols` columns, each line between `│ ` and ` │`. */
const boxed = (cols: number) => `${KEY.match(new RegExp(`.{1,${cols}}`, 'g'))!.map((chunk) => `│ ${chunk.padEnd(cols)} │`).join('\n')}\n`;
/** Where in the box a cut lands: inside the chunk of its second-to-last line, so one short piece follows. */
const inPenultimateLine = (cols: number) => (Math.ceil(KEY.length / cols) - 2) * (cols + 5) + 4;
const LINE = 'INFO worker heartbeat ok ..........\n';
const lines = (chars: number) => LINE.repeat(Math.ceil(chars / LINE.length));

/** 8-character runs of the key's secret part left after the cap and redaction (the text everything else reads). */
function leakedRuns(text: string): string[] {
  const capped = capRaw(text);
  expect(capped.cut).toBe(true);
  const redacted = redactSecrets(capped.text).text;
  const runs: string[] = [];
  for (let i = 0; i + 8 <= SECRET.length; i++) if (redacted.includes(SECRET.slice(i, i + 8))) runs.push(SECRET.slice(i, i + 8));
  return runs;
}

describe('a paste over the size cap', () => {
  it('keeps its head and tail and says it was cut', () => {
    const text = `Error code: 429\n${'x '.repeat(MAX_RAW_CHARS)}\nthe end`;
    const capped = capRaw(text);
    expect(capped.cut).toBe(true);
    expect(capped.text.length).toBeLessThanOrEqual(MAX_RAW_CHARS + 32);
    expect(capped.text).toContain('Error code: 429');
    expect(capped.text).toContain('the end');
  });

  it.each([20, 40])('leaves no part of a key boxed at %i columns that the tail cut falls inside', (cols) => {
    const BOXED = boxed(cols);
    const at = inPenultimateLine(cols);
    // The tail keeps the last 750,000 characters: its first character lands in the box's second-to-last line.
    const last = '\nError code: 429 rate_limit_error';
    const afterLength = (MAX_RAW_CHARS * 3) / 4 + at - BOXED.length;
    const after = lines(afterLength).slice(0, afterLength - last.length) + last;
    const whole = `${lines(400_000)}${BOXED}${after}`;
    expect(whole.length - (MAX_RAW_CHARS * 3) / 4).toBe(whole.indexOf(BOXED) + at);
    expect(leakedRuns(whole)).toEqual([]);
  });

  it.each([20, 40])('leaves no part of a key boxed at %i columns that the head cut falls inside', (cols) => {
    const BOXED = boxed(cols);
    const at = inPenultimateLine(cols);
    const before = lines(MAX_RAW_CHARS / 4).slice(0, MAX_RAW_CHARS / 4 - at);
    const whole = `${before}${BOXED}${lines(MAX_RAW_CHARS)}Error code: 429 rate_limit_error`;
    expect(before.length + at).toBe(MAX_RAW_CHARS / 4);
    expect(leakedRuns(whole)).toEqual([]);
  });
});
