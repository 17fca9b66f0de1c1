import { afterEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, type RestCall, startFakeDiscord } from '../fakes/discord';
import { BotProcess } from '../ops/support/bot-process';
import { RedisServer } from '../support/redis-server';

const OVERLOADED = `anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}`;
/** Short lease for the test: a standby asks every ~333 ms and takes over ~1.3 s after the holder dies. */
const LEASE_MS = 1_000;

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function replica(discord: FakeDiscord, redis: RedisServer) {
  const bot = new BotProcess({
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    REDIS_URL: redis.url,
    DISCORD_LEASE_TTL_MS: String(LEASE_MS),
    HEALTH_PORT: '0',
    STATUS_URL: 'off',
    LOG_LEVEL: 'debug',
  });
  cleanup.push(() => bot.stop());
  const ready = await bot.waitForLog((r) => r.msg === 'ready', 20_000);
  const health = async () => (await fetch(`http://127.0.0.1:${ready.healthPort as number}/healthz`)).json();
  return { bot, health };
}

const callbacks = (discord: FakeDiscord, id: string) => discord.rest.calls.filter((c: RestCall) => c.method === 'POST' && c.path.startsWith(`/interactions/${id}/`));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('two Discord replicas on one Redis', () => {
  it('hold one gateway session between them, answer each event once, and hand over when the holder is killed', async () => {
    const redis = await RedisServer.start();
    const discord = await startFakeDiscord();
    cleanup.push(() => redis.stop(), () => discord.close());

    const a = await replica(discord, redis);
    await discord.gateway.waitFor(() => discord.gateway.ready, 10_000, 'the first session');
    const b = await replica(discord, redis);
    await b.bot.waitForLog((r) => /standing by/.test(String(r.msg)));
    expect(discord.gateway.identifies).toHaveLength(1);
    expect(await a.health()).toEqual({ status: 'ok', adapters: { discord: 'up' }, store: 'ok', events: {} });
    expect(await b.health()).toEqual({ status: 'ok', adapters: { discord: 'standby' }, store: 'ok', events: {} });

    const slash = discord.slash({ error: OVERLOADED });
    await discord.rest.waitForCall((c: RestCall) => c.path.startsWith(`/interactions/${slash.id}/`), 15_000);
    const dm = discord.dm({ content: OVERLOADED });
    await discord.rest.waitForCall((c: RestCall) => c.method === 'POST' && c.path === `/channels/${dm.channelId}/messages`, 15_000);
    await pause(500);
    expect(callbacks(discord, slash.id)).toHaveLength(1);
    expect(discord.rest.calls.filter((c: RestCall) => c.method === 'POST' && c.path === `/channels/${dm.channelId}/messages`)).toHaveLength(1);

    // The holder dies without a word: its lease runs out and the standby connects.
    const killedAt = Date.now();
    a.bot.signal('SIGKILL');
    await a.bot.exited;
    await b.bot.waitForLog((r) => /holding the gateway lease/.test(String(r.msg)), 30_000);
    await discord.gateway.waitFor(() => discord.gateway.ready && discord.gateway.identifies.length === 2, 30_000, 'the standby session');
    const handover = Date.now() - killedAt;
    expect(handover).toBeLessThan(30_000);
    expect(await b.health()).toMatchObject({ status: 'ok', adapters: { discord: 'up' } });

    const after = discord.slash({ error: OVERLOADED });
    await discord.rest.waitForCall((c: RestCall) => c.path.startsWith(`/interactions/${after.id}/`), 15_000);
    await pause(500);
    expect(callbacks(discord, after.id)).toHaveLength(1);

    b.bot.signal('SIGTERM');
    expect((await b.bot.exited).code).toBe(0);
  });
});
