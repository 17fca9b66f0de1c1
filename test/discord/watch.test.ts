import { afterEach, describe, expect, it } from 'vitest';
import { DiscordSetupError } from '../../adapters/discord';
import { type RestCall, snowflake, user } from '../fakes/discord';
import { PASTE_529, realDoctor, type SpyDoctor } from './support/doctors';
import { until } from '../support/until';
import { instantClock, startWorld, type World } from './support/world';

/**
 * Watched help channels on Discord (DISCORD_WATCH_CHANNELS): the real discord.js client, logged in
 * with GuildMessages + Message Content, gets MESSAGE_CREATE for server posts and replies only when
 * the rules are confident.
 */
let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const GUILD_MESSAGES = 1 << 9;
const MESSAGE_CONTENT = 1 << 15;
const PASTE_429 = 'anthropic.RateLimitError: Error code: 429 - {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}';

interface Watching {
  doctor: SpyDoctor;
  guildId: string;
  watched: string;
  other: string;
  /** Posts in a channel and waits until the adapter has decided about it. */
  post(channelId: string, content: string, f?: { author?: ReturnType<typeof user>; type?: number; id?: string }): Promise<void>;
  replies(): RestCall[];
}

async function watching(perHour = 20): Promise<Watching> {
  const doctor = realDoctor();
  const watched = snowflake();
  const other = snowflake();
  world = await startWorld({ doctor, env: { DISCORD_WATCH_CHANNELS: [watched] }, watchAnswersPerHour: perHour });
  const { guildId } = world.fake.guild([watched, other]);
  const w = world;
  return {
    doctor,
    guildId,
    watched,
    other,
    async post(channelId, content, f = {}) {
      const seen = w.metrics.events.length;
      w.fake.post({ guildId, channelId, content, ...(f.author ? { author: f.author } : {}), ...(f.type !== undefined ? { type: f.type } : {}) });
      await until(() => w.metrics.events.length > seen || channelId !== watched);
      await until(() => doctor.finished() === doctor.diagnosed.length);
      await new Promise((r) => setTimeout(r, 150)); // a reply, if any, has been sent by now
    },
    replies: () => w.fake.rest.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${watched}/messages`),
  };
}


describe('a watched Discord channel', () => {
  it('asks for GuildMessages and Message Content only when channels are watched', async () => {
    await watching();
    const { intents } = world!.fake.gateway.identifies[0]!;
    expect(intents & (GUILD_MESSAGES | MESSAGE_CONTENT)).toBe(GUILD_MESSAGES | MESSAGE_CONTENT);
  });

  it('replies to a confident paste with the answer, from the rules alone', async () => {
    const w = await watching();
    await w.post(w.watched, PASTE_529);
    await until(() => w.replies().length === 1);
    const body = w.replies()[0]!.body as Record<string, unknown>;
    expect(body.message_reference).toMatchObject({ fail_if_not_exists: false });
    expect(JSON.stringify(body.embeds)).toContain('529');
    expect(JSON.stringify(body.components)).toContain('ced:fb:up:overloaded');
    expect(body.allowed_mentions).toMatchObject({ parse: [] });
    expect(w.doctor.options).toEqual([{ rulesOnly: true }]);
    expect(world!.metrics.events).toEqual(['watched']);
    await until(() => world!.metrics.replies.length === 1);
    expect(world!.metrics.replies).toEqual(['watch']);
  });

  it('stays silent on chit-chat, an unknown error, another provider\'s error and a bot', async () => {
    const w = await watching();
    await w.post(w.watched, 'hey all, is the API slow for anyone else today?');
    await w.post(w.watched, 'Job 7 stopped: code XJ-42 from the upstream worker, nothing else in the log');
    await w.post(w.watched, "openai.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for gpt-4o', 'code': 'rate_limit_exceeded'}}");
    await w.post(w.watched, PASTE_529, { author: user({ username: 'ci-bot', bot: true }) });
    await w.post(w.watched, PASTE_529, { author: world!.fake.botUser });
    expect(w.doctor.diagnosed).toHaveLength(3);
    expect(w.replies()).toHaveLength(0);
  });

  it('answers a new post once and leaves replies under it alone', async () => {
    const w = await watching();
    await w.post(w.watched, PASTE_529);
    await until(() => w.replies().length === 1);
    await w.post(w.watched, PASTE_429, { type: 19 }); // a reply to someone: conversation, not a new question
    expect(w.replies()).toHaveLength(1);
    expect(w.doctor.diagnosed).toHaveLength(1);
  });

  it('gives each channel at most WATCH_ANSWERS_PER_HOUR answers', async () => {
    const w = await watching(1);
    await w.post(w.watched, PASTE_529);
    await until(() => w.replies().length === 1);
    await w.post(w.watched, PASTE_429);
    await until(() => world!.logger.lines.some((l) => l.msg === 'discord watch: channel answer limit reached, staying silent'));
    expect(w.doctor.diagnosed).toHaveLength(2);
    expect(w.replies()).toHaveLength(1);
  });

  it('ignores channels it does not watch', async () => {
    const w = await watching();
    await w.post(w.other, PASTE_529);
    expect(w.doctor.diagnosed).toHaveLength(0);
    expect(world!.fake.rest.calls.filter((c) => c.method === 'POST' && c.path.startsWith('/channels/'))).toHaveLength(0);
  });

  it('sends the warning about a pasted key to its author by DM, never the key', async () => {
    const w = await watching();
    const key = 'sk-ant-api03-Q3kTzW9xYb7LmN2pR5sV8uXa1cE4gH6jK0oP-Zq_AbCdEf';
    const author = user({ username: 'newcomer' });
    await w.post(w.watched, `${PASTE_529}\nx-api-key: ${key}`, { author });
    await world!.fake.rest.waitForCall((c) => c.method === 'POST' && c.path === '/users/@me/channels');
    const dm = await world!.fake.rest.waitForCall((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path) && c.path !== `/channels/${w.watched}/messages`);
    expect(JSON.stringify(dm.body)).toMatch(/rotate it/i);
    for (const call of world!.fake.rest.calls) expect(JSON.stringify(call.body ?? '')).not.toContain(key.slice(0, 20));
  });

  it('explains a refused Message Content intent (close 4014) in terms of the portal switch', async () => {
    world = await startWorld({ doctor: realDoctor(), clock: instantClock(), env: { DISCORD_WATCH_CHANNELS: [snowflake()] }, start: false });
    world.fake.gateway.onIdentify = (ws, identify) => {
      if (!(identify.intents & MESSAGE_CONTENT)) return false;
      ws.close(4014, 'Disallowed intent(s).');
      return true;
    };
    const error = await world.adapter.start().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordSetupError);
    expect((error as DiscordSetupError).code).toBe('intents');
    expect((error as Error).message).toContain('Message Content Intent');
    expect((error as Error).message).toContain('DISCORD_WATCH_CHANNELS');
  });
});
