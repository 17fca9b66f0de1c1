import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/spawn';

const RATE_LIMIT = "anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'This request would exceed the rate limit for your organization of 40,000 input tokens per minute.'}}";
const dir = mkdtempSync(join(tmpdir(), 'doctor-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI through a shell, so stdin can be a device or a file, as a user would redirect it. */
const shell = (command: string) => run('sh', ['-c', `npm run -s diagnose -- ${command}`], { timeoutMs: 60_000 });
const json = (stdout: string) => JSON.parse(stdout) as { category: string; warnings: string[] };

/** Issue 15, "bounded reads" and "encodings", as a user meets them on the command line. */
describe('diagnose reads any input within bounds', () => {
  it('diagnoses a UTF-16LE file (PowerShell 5 `>`) with a 429 as a rate limit', async () => {
    const file = join(dir, 'powershell.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${RATE_LIMIT}\r\n`, 'utf16le')]));
    const r = await shell(`--json ${file}`);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ category: 'rate_limit', warnings: [] });
  });

  it('reads the end of a long log and says it was cut', async () => {
    const file = join(dir, 'long.log');
    writeFileSync(file, `${'2026-01-01T00:00:00Z INFO nothing to see here\n'.repeat(120_000)}${RATE_LIMIT}\n`);
    const r = await shell(`--json < ${file}`);
    expect(r.code).toBe(0);
    expect(json(r.stdout).category).toBe('rate_limit');
    expect(json(r.stdout).warnings).toContain('input-truncated');
  });

  it('ends /dev/zero as stdin with an answer: binary, cut', async () => {
    const r = await shell('--json < /dev/zero');
    expect(r.code).toBe(0);
    expect(json(r.stdout).warnings).toEqual(expect.arrayContaining(['binary-input', 'input-truncated']));
  });

  it('refuses /dev/zero as --image with the limit in the message, and no stack trace', async () => {
    const r = await shell('--image /dev/zero < /dev/null');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/image "\/dev\/zero" is not a regular file and sent more than 10 MiB; screenshots are read up to 10 MiB/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
