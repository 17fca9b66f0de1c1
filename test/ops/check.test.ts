import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_DIR } from '../../src/catalog';
import { checkSetup } from '../../src/ops/check';
import { run } from '../support/spawn';
import { fakeSecrets } from '../support/secrets';

const start = (args: string[], env: Record<string, string>) => run('npm', ['start', '-s', '--', ...args], { env, timeoutMs: 30_000 });

describe('npm start -- --check', () => {
  it('exits 0 and says what would start when every setting is valid, without printing secrets', async () => {
    const token = fakeSecrets(5).slackBot;
    const r = await start(['--check'], { SLACK_BOT_TOKEN: token, SLACK_APP_TOKEN: 'xapp-1-A0-1-abc', HEALTH_PORT: '9100', STATUS_URL: 'off' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('configuration OK');
    expect(r.stdout).toContain('slack: Socket Mode');
    expect(r.stdout).toContain('HEALTH_PORT 9100');
    expect(r.stdout + r.stderr).not.toContain(token);
    expect(r.stdout).toContain('shared state: this process only');
    expect(r.stdout).toContain('review queue: on, in .data/review-queue.json');
  });

  it('names Redis without its password, and the review queue in it', async () => {
    const r = await start(['--check'], { REDIS_URL: 'redis://:s3cret-pass-123@redis:6379/2', REVIEW_MAX_GROUPS: '50', STATUS_URL: 'off' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('shared state: redis at redis://redis:6379/2');
    expect(r.stdout).toContain('review queue: on, in redis, at most 50 groups for 30 days');
    expect(r.stdout + r.stderr).not.toContain('s3cret');
  });

  it('exits 1 and lists every problem at once, each naming the variable and who needs it', async () => {
    const r = await start(['--check'], { SLACK_BOT_TOKEN: 'not-a-token', DISCORD_TOKEN: 'short', LOG_LEVEL: 'loud', HEALTH_PORT: '70000', STATUS_URL: 'ftp://x' });
    expect(r.code).toBe(1);
    for (const line of [
      /SLACK_BOT_TOKEN \(slack\): must be a bot token/,
      /SLACK_APP_TOKEN \(slack\): set SLACK_APP_TOKEN \(Socket Mode\) or SLACK_SIGNING_SECRET/,
      /DISCORD_TOKEN \(discord\)/,
      /DISCORD_APPLICATION_ID \(discord\)/,
      /LOG_LEVEL \(operations\)/,
      /HEALTH_PORT \(operations\)/,
      /STATUS_URL \(operations\)/,
    ]) expect(r.stderr).toMatch(line);
    const bad = await start(['--check'], { REDIS_URL: 'localhost:6379', REVIEW_QUEUE: 'maybe', DISCORD_LEASE_TTL_MS: '60000' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/REDIS_URL \(shared state and review queue\): must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(bad.stderr).toMatch(/REVIEW_QUEUE \(shared state and review queue\)/);
    expect(bad.stderr).toMatch(/DISCORD_LEASE_TTL_MS \(shared state and review queue\): must be at most 20000/);
    expect(r.stdout).toBe('');
  });

  it('--help documents --check', async () => {
    const r = await start(['--help'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--check\s+validate every setting/);
  });
});

describe('checkSetup', () => {
  it('reports catalogue problems together with settings problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    try {
      cpSync(CATALOG_DIR, dir, { recursive: true });
      writeFileSync(join(dir, 'entries', 'broken.yaml'), 'id: broken\ncategory: not-a-category\n');
      const r = checkSetup({ HEALTH_PORT: 'x' }, dir);
      expect(r.ok).toBe(false);
      expect(r.report).toMatch(/HEALTH_PORT \(operations\)/);
      expect(r.report).toMatch(/catalogue: .*broken\.yaml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('checkSetup on the model fallback', () => {
  it('names the model the fallback will use and when the models data was verified', () => {
    const off = checkSetup({});
    expect(off.report).toContain('model fallback: off (no ANTHROPIC_API_KEY)');
    expect(off.report).toMatch(/catalogue: \d+ entries, \d+ current models \(models data verified \d{4}-\d{2}-\d{2}\)/);
    const on = checkSetup({ ANTHROPIC_API_KEY: 'sk-ant-test-check-0001' });
    expect(on.report).toContain("model fallback: on (claude-haiku-5-5, the models data's default)");
    expect(on.report).toContain('live model list: GET /v1/models with the same key');
    expect(checkSetup({ ANTHROPIC_API_KEY: 'sk-ant-test-check-0001', ANTHROPIC_MODEL: 'claude-sonnet-5-5' }).report).toContain('model fallback: on (claude-sonnet-5-5)');
  });
});
