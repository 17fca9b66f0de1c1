import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack';
import { createDoctor } from '../../src/doctor';
import type { SharedStore } from '../../src/ports';
import { openStore } from '../../src/store';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord';
import { channelMessageEvent, messageShortcut, nextTs } from '../fakes/slack/events';
import { APP_TOKEN, BOT_TOKEN, FakeSlack } from '../fakes/slack/fake-slack';
import { RedisServer } from '../support/redis-server';
import { until } from '../support/until';

/**
 * The in-place paths (message shortcut, watched channels) on two replicas sharing one real Redis:
 * what one replica answered, the other knows. Each replica is a real Bolt app or discord.js client
 * with its own connection to Redis, as two processes would have.
 */
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

const PASTE_529 = "anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}";
const PASTE_429 = 'anthropic.RateLimitError: Error code: 429 - {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}';
const WATCHED = 'C0HELPDESK';
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sharedStore(redis: RedisServer): Promise<SharedStore> {
  const { store } = await openStore({ REDIS_URL: redis.url });
  cleanup.push(() => store.close());
  return store;
}

/** Two Slack replicas in Socket Mode on one fake Slack and one Redis; replica i holds connection i. */
async function slackPair(perHour = 20) {
  const redis = await RedisServer.start();
  const slack = await FakeSlack.start();
  cleanup.push(() => redis.stop(), () => slack.close());
  const doctor = createDoctor();
  const events: string[][] = [[], []];
  const replicas: SlackAdapter[] = [];
  for (const i of [0, 1]) {
    const adapter = createSlackAdapter(
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl, PORT: 0, SLACK_WATCH_CHANNELS: [WATCHED] },
      doctor,
      { logger: silent, store: await sharedStore(redis), metrics: { eventReceived: (kind) => void events[i]!.push(kind) }, drainTimeoutMs: 200, watchAnswersPerHour: perHour },
    );
    await adapter.start();
    cleanup.push(() => adapter.stop());
    await slack.socket.waitForConnection(i + 1);
    replicas.push(adapter);
  }
  const posts = () => slack.callsTo('chat.postMessage');
  /** Delivers a message event to replica `i` and waits until it has decided about it. */
  const deliver = async (i: number, event: Record<string, unknown>) => {
    const seen = events[i]!.length;
    await slack.socket.sendEvent(event, { connection: i });
    await until(() => events[i]!.length > seen);
    await pause(200); // an answer, if any, has been posted by now (rules answers take milliseconds)
  };
  return { slack, events, posts, deliver };
}

describe('Slack in-place paths on two replicas', () => {
  it('points a second shortcut on the same message to the answer, whichever replica gets it', async () => {
    const { slack, posts } = await slackPair();
    const target = channelMessageEvent({ text: PASTE_529, user: 'U0AUTHOR', ts: nextTs() });
    await slack.socket.sendInteractive(messageShortcut('diagnose_error', target, { responseUrl: slack.responseUrl('first') }), { connection: 0 });
    await slack.waitFor(() => posts().length === 1, 10_000, 'the answer from replica A');
    await slack.socket.sendInteractive(messageShortcut('diagnose_error', target, { responseUrl: slack.responseUrl('second'), user: 'U0SECOND' }), { connection: 1 });
    await slack.waitFor(() => slack.responses.length === 1, 10_000, 'the note from replica B');
    expect(slack.responses[0]!.key).toBe('second');
    expect(JSON.stringify(slack.responses[0]!.body)).toContain('already answered');
    expect(posts()).toHaveLength(1);
  });

  it('answers after an "invite me" refusal once the bot was invited: a refusal holds nothing', async () => {
    const { slack, posts } = await slackPair();
    slack.notMemberOf.add('C0ELSEWHERE');
    const ts = nextTs();
    const target = channelMessageEvent({ channel: 'C0ELSEWHERE', text: PASTE_529, user: 'U0AUTHOR', ts });
    await slack.socket.sendInteractive(messageShortcut('diagnose_error', target, { responseUrl: slack.responseUrl('refused') }), { connection: 0 });
    await slack.waitFor(() => slack.responses.length === 1, 10_000, 'the invite note');
    expect(String(slack.responses[0]!.body.text)).toContain('/invite');
    slack.notMemberOf.delete('C0ELSEWHERE');
    await slack.socket.sendInteractive(messageShortcut('diagnose_error', target, { responseUrl: slack.responseUrl('retry') }), { connection: 1 });
    await slack.waitFor(() => posts().length === 1, 10_000, 'the answer after the invite');
    expect(posts()[0]!.params).toMatchObject({ channel: 'C0ELSEWHERE', thread_ts: ts });
    expect(slack.responses).toHaveLength(1);
  });

  it('leaves a reply in a watched thread alone on the replica that did not answer it', async () => {
    const { events, posts, deliver } = await slackPair();
    const ts = nextTs();
    await deliver(0, channelMessageEvent({ channel: WATCHED, text: PASTE_529, ts }));
    expect(posts()).toHaveLength(1);
    // Without the shared mark, replica B would take this for a follow-up in a thread the bot answered.
    await deliver(1, channelMessageEvent({ channel: WATCHED, text: 'thanks, retrying now', threadTs: ts }));
    expect(events[1]).toEqual(['ignored']);
    expect(posts()).toHaveLength(1);
  });

  it('gives a watched channel WATCH_ANSWERS_PER_HOUR answers across both replicas', async () => {
    const { posts, deliver } = await slackPair(1);
    await deliver(0, channelMessageEvent({ channel: WATCHED, text: PASTE_529, ts: nextTs() }));
    await deliver(1, channelMessageEvent({ channel: WATCHED, text: PASTE_429, ts: nextTs() }));
    expect(posts()).toHaveLength(1);
  });
});

/** Two Discord sessions on one fake Discord and one Redis, as during a gateway handover: both get every event. */
async function discordPair(perHour = 20): Promise<{ discord: FakeDiscord; watched: string; guildId: string }> {
  const redis = await RedisServer.start();
  const discord = await startFakeDiscord();
  cleanup.push(() => redis.stop(), () => discord.close());
  const watched = '1100000000000000001';
  const doctor = createDoctor();
  for (const _ of [0, 1]) {
    const adapter: DiscordAdapter = createDiscordAdapter(
      { DISCORD_TOKEN: discord.token, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl, DISCORD_WATCH_CHANNELS: [watched] },
      doctor,
      { logger: silent, store: await sharedStore(redis), watchAnswersPerHour: perHour, timing: { drainMs: 200 } },
    );
    await adapter.start();
    cleanup.push(() => adapter.stop());
  }
  const { guildId } = discord.guild([watched]);
  await pause(200); // both clients have cached the guild
  return { discord, watched, guildId };
}

describe('Discord watched channels on two overlapping sessions', () => {
  it('answer each post once and share the channel budget', async () => {
    const { discord, watched, guildId } = await discordPair(2);
    const replies = () => discord.rest.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${watched}/messages`);
    discord.post({ guildId, channelId: watched, content: PASTE_529 });
    await until(() => replies().length === 1);
    await pause(300);
    expect(replies()).toHaveLength(1);
    discord.post({ guildId, channelId: watched, content: PASTE_429 });
    await until(() => replies().length === 2);
    discord.post({ guildId, channelId: watched, content: PASTE_529 });
    await pause(500);
    expect(replies()).toHaveLength(2);
  });
});
