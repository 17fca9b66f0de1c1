import { afterEach, describe, expect, it } from 'vitest';
import { DiscordSetupError } from '../../adapters/discord';
import { realDoctor } from './support/doctors';
import { instantClock, startWorld, type World } from './support/world';

/** The gateway session: intents, heartbeats, bad tokens, and restarts with backoff. */
let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const GUILDS = 1 << 0;
const GUILD_MEMBERS = 1 << 1;
const GUILD_PRESENCES = 1 << 8;
const GUILD_MESSAGES = 1 << 9;
const DIRECT_MESSAGES = 1 << 12;
const MESSAGE_CONTENT = 1 << 15;
const PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT;

async function waitUntil(predicate: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('gateway session', () => {
  it('IDENTIFYs with Guilds + DirectMessages and no privileged intent', async () => {
    world = await startWorld({ doctor: realDoctor() });
    expect(world.adapter.state()).toBe('up');
    expect(world.fake.gateway.identifies).toHaveLength(1);
    const { intents, token } = world.fake.gateway.identifies[0]!;
    expect(intents & DIRECT_MESSAGES).toBe(DIRECT_MESSAGES);
    expect(intents & GUILDS).toBe(GUILDS);
    expect(intents & PRIVILEGED).toBe(0);
    expect(intents & GUILD_MESSAGES).toBe(0);
    expect(token).toBe(world.fake.token);
    expect(JSON.stringify(world.logger.lines)).not.toContain(world.fake.token.split('.')[0]);
    // The gateway address came from the fake REST API, as in production.
    expect(world.fake.rest.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /gateway/bot']);
  });

  it('keeps heartbeating and stays up', async () => {
    world = await startWorld({ doctor: realDoctor(), fake: { heartbeatIntervalMs: 100 } });
    await world.fake.gateway.waitFor(() => world!.fake.gateway.heartbeats >= 3, 5000, 'three heartbeats');
    expect(world.adapter.state()).toBe('up');
    expect(world.fake.gateway.identifies).toHaveLength(1);
  });

  it('reports a token rejected by REST (401) clearly and never retries it', async () => {
    const clock = instantClock();
    const start = startWorld({ doctor: realDoctor(), clock, env: { DISCORD_TOKEN: 'MTAwMDAw.wrong.token-that-discord-refuses' } });
    const error = await start.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordSetupError);
    expect((error as DiscordSetupError).code).toBe('bad_token');
    expect((error as Error).message).toContain('DISCORD_TOKEN');
    expect((error as Error).message).not.toContain('wrong.token');
    expect(clock.sleeps).toEqual([]);
  });

  it('reports a token rejected by the gateway (close 4004) clearly and never retries it', async () => {
    const clock = instantClock();
    world = await startWorld({ doctor: realDoctor(), clock, start: false });
    world.fake.gateway.onIdentify = (ws) => {
      ws.close(4004, 'Authentication failed.');
      return true;
    };
    const error = await world.adapter.start().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordSetupError);
    expect((error as DiscordSetupError).code).toBe('bad_token');
    expect(world.adapter.state()).toBe('down');
    await new Promise((r) => setTimeout(r, 700)); // longer than discord.js' own 500 ms reconnect pause
    expect(world.fake.gateway.identifies).toHaveLength(1);
    expect(world.fake.gateway.connections).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries a failing login with backoff from 5 s, doubling, until it connects', async () => {
    const clock = instantClock();
    world = await startWorld({ doctor: realDoctor(), clock, start: false });
    // discord.js makes 3 requests per login here (1 + 2 retries): two logins fail, the third works.
    world.fake.rest.fault({ method: 'GET', path: /^\/gateway\/bot$/, status: 503, times: 6 });
    await world.adapter.start(); // resolves: temporary failures are retried in the background
    await waitUntil(() => world!.adapter.state() === 'up');
    expect(clock.sleeps).toEqual([5_000, 10_000]);
    expect(world.metrics.restarts.map((r) => r.delayMs)).toEqual([5_000, 10_000]);
    expect(world.fake.gateway.identifies).toHaveLength(1);
  });

  it('paces the IDENTIFYs discord.js sends by itself: 5 s, then 10 s', async () => {
    const clock = instantClock();
    world = await startWorld({ doctor: realDoctor(), clock });
    const gateway = world.fake.gateway;
    for (const expected of [2, 3]) {
      gateway.closeAll(1000); // a normal close ends the session: discord.js identifies again
      await gateway.waitFor(() => gateway.identifies.length === expected && gateway.ready, 5000, `IDENTIFY #${expected}`);
    }
    await waitUntil(() => world!.adapter.state() === 'up');
    expect(clock.sleeps).toEqual([5_000, 10_000]);
    expect(world.metrics.restarts.map((r) => r.reason)).toEqual(['identify paced', 'identify paced']);
  });

  it('resumes a dropped session without spending an IDENTIFY', async () => {
    const clock = instantClock();
    world = await startWorld({ doctor: realDoctor(), clock });
    const gateway = world.fake.gateway;
    gateway.closeAll(4000);
    await gateway.waitFor(() => gateway.resumes.length === 1 && gateway.ready, 5000, 'a resume');
    await waitUntil(() => world!.adapter.state() === 'up');
    expect(gateway.identifies).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('identifies again after a pause when the gateway drops the connection before READY', async () => {
    const clock = instantClock();
    world = await startWorld({ doctor: realDoctor(), clock, start: false });
    let first = true;
    world.fake.gateway.onIdentify = (ws) => {
      if (!first) return false;
      first = false;
      ws.close(1011, 'internal error');
      return true;
    };
    await world.adapter.start();
    expect(world.adapter.state()).toBe('up');
    expect(world.fake.gateway.identifies).toHaveLength(2);
    expect(clock.sleeps).toEqual([5_000]);
  });

  it('returns from start() when READY is late, and comes up when it arrives', async () => {
    world = await startWorld({ doctor: realDoctor(), start: false, timing: { loginTimeoutMs: 200 } });
    world.fake.gateway.onIdentify = () => true; // leave IDENTIFY unanswered for now
    await world.adapter.start();
    expect(world.adapter.state()).toBe('starting');
    expect(world.logger.lines.some((l) => l.msg?.includes('no READY yet'))).toBe(true);
    world.fake.gateway.onIdentify = null;
    world.fake.gateway.answerPendingIdentifies();
    await waitUntil(() => world!.adapter.state() === 'up');
    expect(world.fake.gateway.identifies).toHaveLength(1);
  });

  it('goes down without retrying when the token is revoked while running (close 4004)', async () => {
    const clock = instantClock();
    world = await startWorld({ doctor: realDoctor(), clock });
    world.fake.gateway.closeAll(4004, 'Authentication failed.');
    await waitUntil(() => world!.adapter.state() === 'down');
    await new Promise((r) => setTimeout(r, 700));
    expect(world.fake.gateway.identifies).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(world.logger.lines.some((l) => l.level === 'error' && l.msg?.includes('DISCORD_TOKEN'))).toBe(true);
  });

  it('goes down without retrying when the token is refused on a RESUME during a reconnect', async () => {
    const clock = instantClock();
    world = await startWorld({ doctor: realDoctor(), clock });
    const gateway = world.fake.gateway;
    gateway.onResume = (ws) => {
      ws.close(4004, 'Authentication failed.');
      return true;
    };
    gateway.closeAll(4000); // discord.js reconnects and resumes by itself; the resume is refused
    await waitUntil(() => world!.adapter.state() === 'down');
    await new Promise((r) => setTimeout(r, 700));
    expect(gateway.resumes).toHaveLength(1);
    expect(gateway.identifies).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('stops promptly during the handshake, and the abandoned connection never identifies', async () => {
    world = await startWorld({ doctor: realDoctor(), start: false, timing: { loginTimeoutMs: 200 } });
    const gateway = world.fake.gateway;
    gateway.onIdentify = () => true;
    await world.adapter.start();
    const started = Date.now();
    await world.adapter.stop();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(world.adapter.state()).toBe('down');
    await new Promise((r) => setTimeout(r, 1200)); // discord.js revives such a shard after 500 ms
    expect(gateway.identifies).toHaveLength(1);
  });

  it('stops cleanly: the gateway session closes and state is down', async () => {
    world = await startWorld({ doctor: realDoctor() });
    await world.adapter.stop();
    expect(world.adapter.state()).toBe('down');
    await world.fake.gateway.waitFor(() => !world!.fake.gateway.ready, 2000, 'the session to close');
  });
});
