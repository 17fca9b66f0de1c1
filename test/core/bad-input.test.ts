import { describe, expect, it } from 'vitest';
import { DiagnosisSchema } from '../../src/contracts';
import { createDoctor } from '../../src/doctor';

const doctor = createDoctor();
const diagnose = (text: string) => doctor.diagnose({ platform: 'test', text });

/** A deterministic generator, so a failing input can be reproduced. */
function* randomTexts(seed: number, count: number): Generator<string> {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  const pieces = ['{', '}', '"', "'", '\\', 'error', ':', ' ', '\n', 'type', 'message', '429', '(', ')', '[', ']', '*', '+', '?', '.', 'a', '\u0000', '😀', '\u202e', '`', 'sk-ant-', 'req_', '<', '>'];
  for (let i = 0; i < count; i++) {
    let s = '';
    const len = next() % 400;
    for (let j = 0; j < len; j++) s += pieces[next() % pieces.length];
    yield s;
  }
}

describe('bad input always gets an answer', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t \n'],
    ['binary', '\u0000\u0001\u0002PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'.repeat(20)],
    ['lone surrogates', '\ud800\udc00\ud800 error \udfff'],
  ])('%s', async (_name, text) => {
    const d = await diagnose(text);
    expect(() => DiagnosisSchema.parse(d)).not.toThrow();
    expect(d.category).toBe('unknown');
    expect(d.reply.length).toBeGreaterThan(20);
  });

  it('says what was wrong with empty and binary input', async () => {
    expect((await diagnose('')).reply).toMatch(/empty/i);
    expect((await diagnose('\u0000\u0001\u0002'.repeat(50))).reply).toMatch(/binary/i);
  });

  it('answers a multi-megabyte paste and says it was cut', async () => {
    const big = `${'INFO some log line that is not interesting\n'.repeat(120_000)}anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'This request would exceed the rate limit for your organization of 40,000 input tokens per minute.'}}`;
    expect(big.length).toBeGreaterThan(5_000_000);
    const d = await diagnose(big);
    expect(d.warnings).toContain('input-truncated');
    expect(d.category).toBe('rate_limit');
  });

  it('answers deeply nested JSON', async () => {
    const nested = `${'{"error":'.repeat(5000)}"x"${'}'.repeat(5000)}`;
    const d = await diagnose(nested);
    expect(() => DiagnosisSchema.parse(d)).not.toThrow();
  });

  it.each([
    ['repeated quotes', `"message": "${'\\"'.repeat(20_000)}`],
    ['long runs of one char', 'a'.repeat(200_000)],
    ['many status-like numbers', '429 '.repeat(30_000)],
    ['unclosed message', `{"type":"error","error":{"type":"invalid_request_error","message":"${'x'.repeat(100_000)}`],
    ['many message keys', '"message":"'.repeat(10_000)],
  ])('regex-hostile text: %s', async (_name, text) => {
    const d = await diagnose(text);
    expect(() => DiagnosisSchema.parse(d)).not.toThrow();
  });

  it('never throws on 500 random pastes', async () => {
    for (const text of randomTexts(42, 500)) {
      const d = await diagnose(text);
      expect(d.confidence).toBeGreaterThanOrEqual(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
    }
  });
});
