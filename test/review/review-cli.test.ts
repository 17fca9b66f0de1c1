import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewQueue } from '../../src/review';
import { FileReviewStorage } from '../../src/review/file-storage';
import { MemoryStore } from '../../src/store';
import { run } from '../support/spawn';

const review = (args: string[], env: Record<string, string>) => run('npm', ['run', '-s', 'review', '--', ...args], { env, timeoutMs: 30_000 });

describe('npm run review', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'review-cli-'));
    const queue = new ReviewQueue({ storage: new FileReviewStorage(dir), store: new MemoryStore(), limits: { maxGroups: 100, maxAgeMs: 86_400_000 } });
    const sample = (text: string, reason: 'unrecognised' | 'hedged') => queue.answered({ reason, text, focus: text, entry: reason === 'hedged' ? 'server-error' : null, client: 'python' });
    for (const id of [101, 202, 303]) await sample(`frobnicator quota glitch (code ${id}) in worker ${id}`, 'unrecognised');
    await sample('gateway said: upstream hiccup 17', 'hedged');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the largest group first, with its counts, entries, clients and one example', async () => {
    const r = await review([], { DATA_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 groups, 4 pastes/);
    const first = r.stdout.indexOf('1. r-');
    expect(r.stdout.slice(first)).toMatch(/^1\. r-[0-9a-f]{12} · 3 pastes · unrecognised 3\n {3}entries: none 3 · clients: python 3/);
    expect(r.stdout).toContain('| frobnicator quota glitch (code 101) in worker 101');
    expect(r.stdout).toMatch(/2\. r-[0-9a-f]{12} · 1 paste · hedged 1/);
  });

  it('--json prints the groups as data; --help explains; a bad flag is a usage error', async () => {
    const json = await review(['--json', '--limit', '1'], { DATA_DIR: dir });
    const out = JSON.parse(json.stdout) as { total: { groups: number; pastes: number }; groups: Array<{ count: number; signature: string }> };
    expect(out.total).toEqual({ groups: 2, pastes: 4 });
    expect(out.groups).toHaveLength(1);
    expect(out.groups[0]!.signature).toBe('frobnicator quota glitch (code <n>) in worker <n>');
    const help = await review(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--json/);
    const bad = await review(['--frobnicate'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown argument/);
  });

  it('says when the queue is empty', async () => {
    const r = await review([], { DATA_DIR: join(dir, 'nothing-here') });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/is empty/);
  });
});
