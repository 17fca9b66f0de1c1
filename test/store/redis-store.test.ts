import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Logger, SharedStore } from '../../src/ports';
import { openStore } from '../../src/store';
import { RedisServer } from '../support/redis-server';

let redis: RedisServer;
const opened: SharedStore[] = [];

beforeAll(async () => {
  redis = await RedisServer.start();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  await redis.start();
});

function recordingLogger() {
  const lines: Array<{ level: string; msg: string }> = [];
  const at = (level: string) => (_obj: object, msg?: string) => void lines.push({ level, msg: msg ?? '' });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

/** One replica's view of the shared store. */
async function replica(logger?: Logger): Promise<SharedStore> {
  const { store } = await openStore({ REDIS_URL: redis.url }, logger);
  opened.push(store);
  return store;
}

const waitUntil = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the Redis store, shared by replicas', () => {
  it('lets exactly one of many concurrent claims win, across replicas', async () => {
    const [a, b] = [await replica(), await replica()];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim('slack:event:EvSAME', 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(a.kind).toBe('redis');
    expect(a.health()).toBe('ok');
  });

  it('shares values, quotas and distinct-member counts between replicas', async () => {
    const [a, b] = [await replica(), await replica()];
    await a.set('slack:thread:C1:1.2', { entry: 'rate-limit' }, 60_000);
    expect(await b.get('slack:thread:C1:1.2')).toEqual({ entry: 'rate-limit' });

    expect((await a.take('fallback:quota:u1', 2, 60_000)).ok).toBe(true);
    expect((await b.take('fallback:quota:u1', 2, 60_000)).ok).toBe(true);
    const third = await a.take('fallback:quota:u1', 2, 60_000);
    expect(third.ok).toBe(false);
    if (!third.ok) expect(third.retryInMs).toBeGreaterThan(59_000);

    await a.distinctRecent('incident:w', 'u1', 60_000);
    await b.distinctRecent('incident:w', 'u1', 60_000);
    expect((await b.distinctRecent('incident:w', 'u2', 60_000)).count).toBe(2);
    expect(await a.increment('feedback:rate-limit:down', 1, 60_000)).toBe(1);
    expect(await b.increment('feedback:rate-limit:down', 1, 60_000)).toBe(2);
  });

  it('gives a lease to one replica, renews it for its holder, and to another after release or expiry', async () => {
    const [a, b] = [await replica(), await replica()];
    expect(await a.lease('discord:gateway', 'A', 300)).toBe(true);
    expect(await b.lease('discord:gateway', 'B', 300)).toBe(false);
    expect(await a.lease('discord:gateway', 'A', 300)).toBe(true);
    await a.releaseLease('discord:gateway', 'A');
    expect(await b.lease('discord:gateway', 'B', 300)).toBe(true);
    await new Promise((r) => setTimeout(r, 350)); // B stopped renewing (died)
    expect(await a.lease('discord:gateway', 'A', 300)).toBe(true);
  });

  it('keeps working on its own memory while Redis is down, warns once, reports degraded, and uses Redis again when it returns', async () => {
    const { logger, lines } = recordingLogger();
    const store = await replica(logger);
    expect(await store.lease('outage-lease', 'HOLDER', 10_000)).toBe(true);

    await redis.stop();
    await waitUntil(() => store.health() === 'degraded');
    // Answers go on: dedupe and quotas from the process.
    expect(await store.claim('slack:event:Ev1', 60_000)).toBe(true);
    expect(await store.claim('slack:event:Ev1', 60_000)).toBe(false);
    expect((await store.take('fallback:quota:u', 1, 60_000)).ok).toBe(true);
    // The holder keeps its lease; nobody new gets one.
    expect(await store.lease('outage-lease', 'HOLDER', 10_000)).toBe(true);
    expect(await store.lease('outage-lease', 'OTHER', 10_000)).toBe(false);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);

    await redis.start();
    await waitUntil(() => store.health() === 'ok', 8_000);
    expect(await store.claim('slack:event:Ev2', 60_000)).toBe(true);
    const other = await replica();
    // The claim went to Redis: another replica sees it.
    expect(await other.claim('slack:event:Ev2', 60_000)).toBe(false);
    expect(lines.some((l) => l.level === 'info' && /reachable again/.test(l.msg))).toBe(true);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });

  it('starts, degraded, when Redis is not there at all, and never throws', async () => {
    await redis.stop();
    const { logger, lines } = recordingLogger();
    const store = await replica(logger);
    expect(store.health()).toBe('degraded');
    expect(await store.claim('k', 1_000)).toBe(true);
    expect(await store.get('missing')).toBeNull();
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });
});
