import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/redact';
import { CHANNELS, type ChannelRunner, createChannelRunner, VAGUE } from '../support/output-channels';
import { KEY, KEY_BODY, leakedRuns, SECRET_FORMS } from '../support/secret-forms';

/**
 * Issue 15, "Done when": every text form of point 2 — wrapped, boxed, escaped, interleaved with
 * invisible characters, re-cased, full-width, and the credential kinds the first redactor missed —
 * leaves no 8-character run of its secret on any exit: the markdown reply, `--json`, `--jsonl`
 * (the `error` of a line that is not JSON included), the logs, and the model fallback's request
 * (captured by the loopback Anthropic fake).
 */
describe('no secret form leaks through any exit', () => {
  let runner: ChannelRunner;
  beforeAll(async () => {
    runner = await createChannelRunner();
  });
  afterAll(() => runner.close());

  it.each(SECRET_FORMS.map((form, i) => [form.name, form, i] as const))('%s', async (_name, form, i) => {
    // A vague sentence first, so the rules are unsure and the model is asked; numbered, so no two
    // forms share a cached answer.
    const outputs = await runner.run(`${VAGUE} (${i})\n${form.text}`);
    expect(outputs.model, 'the model request was sent, so it was checked').not.toBe('');
    for (const channel of CHANNELS) expect(leakedRuns(form.secret, outputs[channel]), channel).toEqual([]);
    expect(JSON.parse(outputs.json).warnings).toContain('secret-detected');
  });
});

describe('redactSecrets on each form', () => {
  it.each(SECRET_FORMS.map((form) => [form.name, form] as const))('%s: masked, and named by its kind', (_name, form) => {
    const { text, findings, secretDetected } = redactSecrets(form.text);
    expect(leakedRuns(form.secret, text)).toEqual([]);
    expect(findings.map((f) => f.rule)).toContain(form.rule);
    expect(secretDetected).toBe(true);
  });

  it.each(SECRET_FORMS.map((form) => [form.name, form] as const))('%s: a masked text holds nothing more to mask', (_name, form) => {
    expect(redactSecrets(redactSecrets(form.text).text).findings).toEqual([]);
  });

  it('masks a wrapped key over its whole span and keeps the text around it', () => {
    const boxed = SECRET_FORMS.find((f) => f.name === 'key inside a Claude Code box')!.text;
    const out = redactSecrets(boxed).text;
    expect(out).toContain('> why does this fail? my key is sk-ant-api03-[REDACTED]');
    expect(out).toContain('thanks');
    const wrapped = SECRET_FORMS.find((f) => f.name === 'key wrapped by a terminal at 80 columns')!.text;
    expect(redactSecrets(wrapped).text).toBe('$ export ANTHROPIC_API_KEY=sk-ant-api03-[REDACTED]');
  });

  it('keeps the key kind, canonical, however it was written', () => {
    expect(redactSecrets(`key: SK-ANT-OAT01-${KEY_BODY}`).text).toBe('key: sk-ant-oat01-[REDACTED]');
    expect(redactSecrets(`key: ｓｋ－ａｎｔ－ａｄｍｉｎ０１－${KEY_BODY}`).text).toBe('key: sk-ant-admin01-[REDACTED]');
  });
});

/** What tesseract made of a wrapped key in a terminal screenshot (test/ocr shows it for real). */
function ocrReading(key: string): string {
  const damaged = key.replace('api03', 'api®3').replace(/_/g, (_, i: number) => (i % 2 ? ' ' : '_'));
  return `my script prints this and then hangs:\n\nexport ANTHROPIC API _KEY=${damaged.slice(0, 72)}\n${damaged.slice(72)}\n\n$ python app.py`;
}

describe('an OCR reading of a key', () => {
  it('is masked from the misread prefix to the wrapped tail, and still counts as a live key', () => {
    const { text, findings } = redactSecrets(ocrReading(KEY), { uncertain: true });
    expect(text).toBe('my script prints this and then hangs:\n\nexport ANTHROPIC API _KEY=sk-ant-api03-[REDACTED]\n\n$ python app.py');
    expect(findings).toEqual([{ rule: 'anthropic-key', strict: true }]);
  });

  it('masks generously after a key that came out short, but only in an uncertain reading', () => {
    // A reading that stopped 48 characters short of a whole key: what follows may be its rest.
    const short = `key ${KEY.slice(0, 60)} tail here`;
    expect(redactSecrets(short, { uncertain: true }).text).toBe('key sk-ant-api03-[REDACTED]');
    expect(redactSecrets(short).text).toBe('key sk-ant-api03-[REDACTED] tail here');
  });
});

describe('continuing a key stops where the key ends', () => {
  it.each([
    ['a complete key, then an error line', `x-api-key: ${KEY}\nError: invalid x-api-key`, 'x-api-key: sk-ant-api03-[REDACTED]\nError: invalid x-api-key'],
    ['a complete key, then words', `${KEY} is invalid`, 'sk-ant-api03-[REDACTED] is invalid'],
    ['a key of unknown length, then words', 'OPENAI_API_KEY=sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t is rejected', 'OPENAI_API_KEY=sk-[REDACTED] is rejected'],
    ['a key, then a request id on the next line', `${KEY}\nrequest_id: req_011CSHoEeqs5C35K2UUqR7Fy`, 'sk-ant-api03-[REDACTED]\nrequest_id: req_011CSHoEeqs5C35K2UUqR7Fy'],
    ['a bearer token, then a request id', 'Authorization: Bearer Zx81kQ0pL2mN4bV6cX8zA1sD3f req_011CSHoEeqs5C35K2UUqR7Fy', 'Authorization: Bearer [REDACTED] req_011CSHoEeqs5C35K2UUqR7Fy'],
    ['a key, a blank line, then more text', `${KEY.slice(0, 60)}\n\nAb12Cd34Ef56`, 'sk-ant-api03-[REDACTED]\n\nAb12Cd34Ef56'],
  ])('%s', (_name, text, expected) => {
    expect(redactSecrets(text).text).toBe(expected);
  });
});

describe('a key cut inside its prefix by a wrap', () => {
  it.each([3, 6, 9, 12])('is found when the line breaks after %i characters', (at) => {
    const out = redactSecrets(`key: ${KEY.slice(0, at)}\n${KEY.slice(at)}`).text;
    expect(out).toBe('key: sk-ant-api03-[REDACTED]');
  });
});

describe('size', () => {
  it('answers for long hostile inputs around its patterns (the bench times them)', () => {
    const manyPrefixes = 'sk-ant-api03-ab\n'.repeat(20_000);
    expect(redactSecrets(manyPrefixes).findings).toEqual([]);
    const longKey = `sk-ant-api03-${'Ab1_'.repeat(50_000)}`;
    expect(redactSecrets(longKey).text).toBe('sk-ant-api03-[REDACTED]');
    const escapes = '\\u002d'.repeat(50_000);
    expect(redactSecrets(escapes).text).toBe(escapes);
    // Each of these was quadratic once (a lookahead or a lazy body rescanning from every label).
    expect(redactSecrets('token='.repeat(20_000)).findings).toEqual([]);
    expect(redactSecrets(`token=${'token='.repeat(20_000)}x1`).text).toBe('token=[REDACTED]');
    const begins = '-----BEGIN PRIVATE KEY-----\n'.repeat(5_000);
    expect(redactSecrets(begins).findings).toHaveLength(5_000);
    const pairs = `AKIAABCDEFGHIJKLMNOP aB3${'x'.repeat(37)} `.repeat(2_000);
    expect(redactSecrets(pairs).text).toBe('[REDACTED:aws-access-key] [REDACTED:aws-secret-key] '.repeat(2_000));
  });
});

it('the key used by these forms has underscores and hyphens in its secret part', () => {
  expect(KEY_BODY).toMatch(/_.*_/);
  expect(KEY_BODY).toContain('-');
  expect(KEY.length).toBe(108);
});
