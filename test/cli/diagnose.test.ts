import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosisSchema } from '../../src/contracts';
import { diagnoseCli } from '../support/spawn';
import { fakeSecrets } from '../support/secrets';

const OVERLOADED = `anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}`;
const JsonDiagnosis = DiagnosisSchema.omit({ document: true });

describe('npm run -s diagnose (the CLI contract)', () => {
  it('--json prints one Diagnosis with the contract fields', async () => {
    const r = await diagnoseCli(['--json'], { stdin: OVERLOADED });
    expect(r.code).toBe(0);
    const d = JsonDiagnosis.parse(JSON.parse(r.stdout));
    expect(d).toMatchObject({ status: 529, type: 'overloaded_error', category: 'overloaded', entry: 'overloaded', source: 'rules' });
    expect(d.signals.client).toBe('python');
  });

  it('prints the short reply, then the details below a rule, reading FILE; --brief prints the reply alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ced-'));
    const file = join(dir, 'error.txt');
    writeFileSync(file, OVERLOADED);
    const r = await diagnoseCli([file]);
    expect(r.code).toBe(0);
    const [reply, details] = r.stdout.split('\n\n---\n\n');
    expect(reply).toMatch(/^## .*overloaded/im);
    expect(details).toContain('**Why:**');
    expect(details).toContain('```python');
    const brief = await diagnoseCli(['--brief', file]);
    expect(brief.stdout).toBe(`${reply}\n`);
    const json = JSON.parse((await diagnoseCli(['--json', file])).stdout);
    expect(`${json.reply}\n\n---\n\n${json.details}\n`).toBe(r.stdout);
  });

  it('--jsonl answers every input line in order, also lines that are not JSON', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: OVERLOADED }),
      'this is not json',
      JSON.stringify({ id: 'c', text: 'hello, nothing to see here' }),
      JSON.stringify({ id: 'd', text: OVERLOADED, images: ['/nonexistent.png'] }),
    ];
    const r = await diagnoseCli(['--jsonl'], { stdin: `${lines.join('\n')}\n` });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'c', 'd']);
    expect(out[0].category).toBe('overloaded');
    expect(out[1].error).toMatch(/line 2/);
    expect(out[2]).toMatchObject({ category: 'unknown', source: 'none' });
    expect(out[3].error).toMatch(/nonexistent\.png/);
  });

  it('never prints a pasted key', async () => {
    const key = fakeSecrets().anthropicApi;
    const r = await diagnoseCli(['--json'], { stdin: `ANTHROPIC_API_KEY=${key}\n${OVERLOADED}` });
    expect(r.stdout).not.toContain(key);
    expect(JSON.parse(r.stdout).warnings).toContain('secret-detected');
  });

  it.each([
    [['--json', '--jsonl'], /either --json or --jsonl/],
    [['--json', '--brief'], /--brief shortens the markdown answer/],
    [['--bogus'], /unknown option "--bogus"/],
    [['/no/such/file.txt'], /cannot read "\/no\/such\/file.txt"/],
    [['--image'], /--image needs a value/],
  ])('usage error %j exits non-zero with a message on stderr', async (args, message) => {
    const r = await diagnoseCli(args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('--help explains the contract', async () => {
    const r = await diagnoseCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--jsonl');
    expect(r.stdout).toContain('--image PATH');
  });
});
