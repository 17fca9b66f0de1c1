import { describe, expect, it } from 'vitest';
import { main as register, REGISTER_HELP } from '../../adapters/discord/register';
import { parseArgs } from '../../src/cli/args';
import { nearestOption, unknownOption } from '../../src/cli/options';
import { parseStartArgs } from '../../src/cli/start-args';
import { FakeStatusPage } from '../fakes/status-page/fake-status-page';
import { diagnoseCli, run } from '../support/spawn';

describe('unknown options are refused with the nearest valid one', () => {
  it.each([
    ['--chekc', ['--check', '--help'], '--check'],
    ['--hepl', ['--check', '--help'], '--help'],
    ['--jsno', ['--json', '--jsonl', '--image'], '--json'],
    ['--imgae=x.png', ['--json', '--image'], '--image'],
    ['--verbose', ['--check', '--help'], null],
  ])('%s → %s', (arg, valid, near) => {
    expect(nearestOption(arg, valid)).toBe(near);
  });

  it('npm start: --chekc is refused, not ignored', () => {
    expect(parseStartArgs(['--chekc'])).toEqual({ problem: 'unknown option "--chekc"; did you mean --check?' });
    expect(parseStartArgs(['serve'])).toMatchObject({ problem: expect.stringContaining('unexpected argument "serve"') });
    expect(parseStartArgs(['--check'])).toEqual({ help: false, check: true });
  });

  it('diagnose: --jsno names --json', () => {
    expect(() => parseArgs(['--jsno'])).toThrow('unknown option "--jsno"; did you mean --json?');
    expect(unknownOption('--xyz', ['--a'])).toBe('unknown option "--xyz"; the options are --a');
  });

  it('discord:register: --help prints help without any setting, and a typo is refused', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const sink = { log: (m: string) => out.push(m), error: (m: string) => err.push(m) };
    expect(await register({}, sink, ['--help'])).toBe(0);
    expect(out).toEqual([REGISTER_HELP]);
    expect(err).toEqual([]);
    expect(await register({}, sink, ['--hlep'])).toBe(2);
    expect(err.join('\n')).toMatch(/did you mean --help\?/);
  });
});

describe('the commands as users type them', () => {
  it('npm start -- --chekc exits 2 with the suggestion and starts nothing', async () => {
    const r = await run('npm', ['start', '-s', '--', '--chekc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option "--chekc"; did you mean --check\?/);
    expect(r.stdout).toBe('');
  });

  it('npm run discord:register -- --help prints help, not a config error', async () => {
    const r = await run('npm', ['run', '-s', 'discord:register', '--', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run discord:register');
    expect(r.stderr).toBe('');
  });
});

describe('diagnose honours the settings that apply to it', () => {
  it('quotes STATUS_URL on a 529, logs at LOG_LEVEL, and is not stopped by a half-filled Slack setting', async () => {
    const page = await FakeStatusPage.start('incident');
    try {
      const r = await diagnoseCli(['--json'], {
        stdin: "anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}",
        env: { STATUS_URL: page.url, LOG_LEVEL: 'info', SLACK_APP_TOKEN: 'xapp-1-only-half-of-slack' },
      });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).reply).toContain('Elevated overloaded errors on Claude Opus');
      const logs = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; level: number });
      expect(logs.some((l) => l.msg === 'diagnosed' && l.level === 30)).toBe(true);
    } finally {
      await page.close();
    }
  });
});
