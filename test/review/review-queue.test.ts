import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog';
import { createDoctor } from '../../src/doctor';
import type { Diagnosis } from '../../src/contracts';
import type { SharedStore } from '../../src/ports';
import { ReviewQueue, reviewSignature } from '../../src/review';
import { FileReviewStorage } from '../../src/review/file-storage';
import { RedisReviewStorage } from '../../src/review/redis-storage';
import { MemoryStore, openStore } from '../../src/store';
import type { RedisConnection } from '../../src/store/redis-connection';
import { RedisServer } from '../support/redis-server';
import { fakeSecrets } from '../support/secrets';

const catalog = loadCatalog();
const LIMITS = { maxGroups: 100, maxAgeMs: 30 * 24 * 3_600_000 };

/** Seven kinds of secret, four pastes each: two the rules cannot tell, two answered and voted 👎. */
function pastesWithSecrets() {
  const kinds = ['anthropicApi', 'openaiProject', 'awsAccess', 'slackBot', 'github', 'jwt', 'google'] as const;
  return kinds.flatMap((kind, k) => {
    const secret = fakeSecrets(100 + k)[kind];
    return [
      { secret, vote: false, text: `Our deploy bot died: frobnicator quota glitch (code ${7000 + k}) with key ${secret} loaded` },
      { secret, vote: false, text: `nightly sync: widget ${k} refused the handshake; env had API_KEY=${secret} at 2026-12-0${k + 1}T10:00:00Z` },
      {
        secret,
        vote: true,
        text: `anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'Number of request tokens has exceeded your per-minute rate limit'}} (ANTHROPIC_API_KEY=${secret})`,
      },
      {
        secret,
        vote: true,
        text: `anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}} key in use: ${secret}`,
      },
    ];
  });
}

/** The secret part of a token: an Anthropic key's `sk-ant-<kind>-` prefix is public and kept by the mask. */
const secretBody = (secret: string) => secret.replace(/^sk-ant-[a-z]+\d*-/, '');

/** Every 8-character piece of every secret that appears in `stored`. */
function leaks(stored: string, secrets: string[]): string[] {
  const found = new Set<string>();
  for (const s of secrets) {
    const body = secretBody(s);
    for (let i = 0; i + 8 <= body.length; i += 1) if (stored.includes(body.slice(i, i + 8))) found.add(body.slice(i, i + 8));
  }
  return [...found];
}

async function feed(queue: ReviewQueue, store: SharedStore): Promise<{ answers: Diagnosis[]; secrets: string[] }> {
  const doctor = createDoctor({ catalog, store, review: queue });
  const pastes = pastesWithSecrets();
  const answers: Diagnosis[] = [];
  for (const p of pastes) {
    const d = await doctor.diagnose({ platform: 'slack', text: p.text, user: 'slack:T1:U1', workspace: 'slack:T1' });
    answers.push(d);
    if (p.vote) await doctor.feedback?.({ vote: 'down', entry: d.entry, ref: d.reviewRef, platform: 'slack' });
  }
  expect(pastes).toHaveLength(28);
  return { answers, secrets: pastes.map((p) => p.secret) };
}

describe('review signatures', () => {
  it('fold ids, numbers, hex and times so the same error groups together', () => {
    const a = reviewSignature('Error 529 at 2026-12-01T10:00:00Z request req_011CSHa5Yd3pTtmT8kQbRXvN trace 9f86d081884c7d65');
    const b = reviewSignature('error 529 at 2026-12-07T17:45:12.123Z request req_011ZZZZZZZZZZZZZZZZZZZZZ trace 0badc0ffee123456');
    expect(a).toEqual(b);
    expect(a.id).toMatch(/^r-[0-9a-f]{12}$/);
    expect(a.signature).toContain('<time>');
    expect(reviewSignature('Error 529 overloaded').id).not.toBe(reviewSignature('Error 401 invalid x-api-key').id);
  });
});

describe('the review queue in a file (no Redis)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'review-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps unrecognised and hedged pastes and 👎 votes, redacted: no secret of 28 pastes (7 kinds) is in the file', async () => {
    const store = new MemoryStore();
    const queue = new ReviewQueue({ storage: new FileReviewStorage(dir), store, limits: LIMITS });
    const { answers, secrets } = await feed(queue, store);
    expect(answers.filter((a) => a.source === 'none').length).toBeGreaterThanOrEqual(7);
    expect(answers.every((a) => typeof a.reviewRef === 'string')).toBe(true);

    const raw = await readFile(join(dir, 'review-queue.json'), 'utf8');
    expect(leaks(raw, secrets)).toEqual([]);
    const groups = await queue.largest();
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(28);
    const reasons = groups.reduce<Record<string, number>>((acc, g) => {
      for (const [r, n] of Object.entries(g.reasons)) acc[r] = (acc[r] ?? 0) + n;
      return acc;
    }, {});
    expect(reasons['thumbs-down']).toBe(14);
    expect((reasons.unrecognised ?? 0) + (reasons.hedged ?? 0)).toBe(14);
    // The 429 pastes differ only in their secret, which is redacted: one group, with its entry.
    const rateLimited = groups.find((g) => g.entries['rate-limit'] !== undefined);
    expect(rateLimited?.count).toBe(7);
    expect(rateLimited?.example).toContain('[REDACTED');
  });

  it('is bounded by count (the least recently seen go) and by age', async () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    const storage = new FileReviewStorage(join(dir, 'bounded'));
    const queue = new ReviewQueue({ storage, store: new MemoryStore({ now: () => now }), limits: { maxGroups: 3, maxAgeMs: 60_000 }, now: () => now });
    for (const word of ['alpha', 'bravo', 'charlie', 'delta', 'echo']) {
      await queue.answered({ reason: 'unrecognised', text: `unknown ${word} failure`, focus: `unknown ${word} failure`, entry: null, client: null });
      now += 1_000;
    }
    expect((await queue.largest()).map((g) => g.example)).toEqual(['unknown echo failure', 'unknown delta failure', 'unknown charlie failure']);
    now += 61_000;
    expect(await queue.largest()).toEqual([]);
  });

  it('ignores a 👎 reference that is not one of its own', async () => {
    const store = new MemoryStore();
    const queue = new ReviewQueue({ storage: new FileReviewStorage(join(dir, 'forged')), store, limits: LIMITS });
    await queue.thumbsDown('../../etc/passwd');
    await queue.thumbsDown('0123456789abcdef');
    expect(await queue.largest()).toEqual([]);
  });
});

describe('the review queue in Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('holds no secret after 28 pastes with secrets of 7 kinds, in the queue or anywhere else in Redis', async () => {
    const { store, redis: connection } = await openStore({ REDIS_URL: redis.url });
    const queue = new ReviewQueue({ storage: new RedisReviewStorage(connection as RedisConnection), store, limits: LIMITS });
    const { secrets } = await feed(queue, store);
    const groups = await queue.largest();
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(28);
    expect(groups[0]!.count).toBeGreaterThanOrEqual(groups.at(-1)!.count);

    // Everything Redis holds, whatever wrote it: the queue, remembered answers, counters.
    const raw = createClient({ url: redis.url });
    await raw.connect();
    const dump: string[] = [];
    for (const key of await raw.keys('*')) {
      const type = await raw.type(key);
      dump.push(key);
      if (type === 'string') dump.push(String(await raw.get(key)));
      else if (type === 'hash') dump.push(JSON.stringify(await raw.hGetAll(key)));
      else if (type === 'zset') dump.push(JSON.stringify(await raw.zRange(key, 0, -1)));
    }
    await raw.close();
    await store.close();
    expect(dump.length).toBeGreaterThan(28);
    expect(leaks(dump.join('\n'), secrets)).toEqual([]);
  });
});
