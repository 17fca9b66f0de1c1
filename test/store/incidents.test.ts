import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog';
import { createDoctor } from '../../src/doctor';
import type { SharedStore } from '../../src/ports';
import { MemoryStore, openStore } from '../../src/store';
import { RedisServer } from '../support/redis-server';

const catalog = loadCatalog();
const OVERLOADED = `anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}`;
const RATE_LIMITED = `anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'Number of request tokens has exceeded your per-minute rate limit'}}`;
const INCIDENT = /people here hit this in the last \d+ minutes?/;

const ask = (doctor: ReturnType<typeof createDoctor>, user: string, workspace: string | undefined, text = OVERLOADED) =>
  doctor.diagnose({ platform: 'slack', text, user: `slack:${user}`, ...(workspace ? { workspace } : {}) }).then((d) => d.reply);

describe('incident awareness across replicas (Redis)', () => {
  let redis: RedisServer;
  const stores: SharedStore[] = [];
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await redis.stop();
  });

  it('gives the third person in a workspace with a 529 the line, and nobody in another workspace', async () => {
    const replica = async () => {
      const { store } = await openStore({ REDIS_URL: redis.url });
      stores.push(store);
      return createDoctor({ catalog, store });
    };
    const [a, b] = [await replica(), await replica()];

    expect(await ask(a, 'U1', 'slack:T1')).not.toMatch(INCIDENT);
    expect(await ask(a, 'U1', 'slack:T1')).not.toMatch(INCIDENT); // the same person again counts once
    expect(await ask(b, 'U2', 'slack:T1')).not.toMatch(INCIDENT);
    const third = await ask(b, 'U3', 'slack:T1');
    expect(third).toMatch(/3 people here hit this in the last 1 minute\b/);

    // Another workspace, same minute, same error: its own count starts at one.
    expect(await ask(a, 'U9', 'slack:T2')).not.toMatch(INCIDENT);
    // A client-side error never counts or shows it.
    expect(await ask(a, 'U4', 'slack:T1', RATE_LIMITED)).not.toMatch(INCIDENT);
    // No workspace (a Discord DM, the CLI): nothing is counted.
    expect(await ask(b, 'U5', undefined)).not.toMatch(INCIDENT);
    expect(await ask(b, 'U6', 'slack:T1')).toMatch(/4 people here/);
  });
});

describe('incident awareness (one process)', () => {
  it('forgets people after 10 minutes', async () => {
    let now = Date.parse('2026-12-07T12:00:00Z');
    const doctor = createDoctor({ catalog, store: new MemoryStore({ now: () => now }), now: () => new Date(now) });
    await ask(doctor, 'U1', 'discord:1');
    now += 6 * 60_000;
    await ask(doctor, 'U2', 'discord:1');
    now += 3 * 60_000;
    expect(await ask(doctor, 'U3', 'discord:1')).toMatch(/3 people here hit this in the last 9 minutes/);
    now += 2 * 60_000; // U1 (11 minutes ago) left the window
    expect(await ask(doctor, 'U4', 'discord:1')).toMatch(/3 people here hit this in the last 5 minutes/);
  });
});
