import { afterEach, describe, expect, it } from 'vitest';
import { botEvents, channelMessageEvent, dmEvent, mentionEvent, nextTs } from '../fakes/slack/events';
import { type Bot, messageText, startBot } from './support/harness';
import { PYTHON_429 } from './support/pastes';

/** Slack's deadline is 3 s; we hold ourselves to 2.5 s. */
const ACK_DEADLINE_MS = 2_500;

let bot: Bot | undefined;
afterEach(async () => {
  bot?.doctor.release();
  await bot?.close();
  bot = undefined;
});

const posts = () => bot!.fake.callsTo('chat.postMessage');

describe('Slack adapter, Socket Mode', () => {
  it('connects through apps.connections.open with the app token and verifies the bot token', async () => {
    bot = await startBot('socket');
    expect(bot.adapter.state()).toBe('up');
    expect(bot.fake.callsTo('auth.test')[0]?.authorization).toMatch(/^Bearer xoxb-/);
    expect(bot.fake.callsTo('apps.connections.open')[0]?.authorization).toMatch(/^Bearer xapp-/);
  });

  it('answers a channel mention in the thread of the mention', async () => {
    bot = await startBot('socket');
    const ts = nextTs();
    await bot.fake.socket.sendEvent(mentionEvent({ ts, text: PYTHON_429 }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    const [reply] = posts();
    expect(reply!.params).toMatchObject({ channel: 'C0CHANNEL', thread_ts: ts, unfurl_links: 'false' });
    expect(messageText(reply!.params)).toContain('Rate limit reached (429)');
    expect(bot.doctor.diagnosed[0]).toMatchObject({
      platform: 'slack',
      text: PYTHON_429,
      user: 'slack:T0FAKE:U0ASKER',
      channel: 'C0CHANNEL',
      thread: ts,
      isDM: false,
    });
  });

  it('answers a mention inside a thread in that thread', async () => {
    bot = await startBot('socket');
    const parent = nextTs();
    await bot.fake.socket.sendEvent(mentionEvent({ threadTs: parent, text: 'overloaded_error 529' }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    expect(posts()[0]!.params.thread_ts).toBe(parent);
  });

  it('answers a direct message in the DM itself', async () => {
    bot = await startBot('socket');
    await bot.fake.socket.sendEvent(dmEvent({ text: 'Error: 401 authentication_error' }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    expect(posts()[0]!.params.channel).toBe('D0DM');
    expect(posts()[0]!.params.thread_ts).toBeUndefined();
    expect(bot.doctor.diagnosed[0]).toMatchObject({ isDM: true, text: 'Error: 401 authentication_error' });
  });

  it('answers a retried delivery (same event_id, retry_attempt 1..3) once', async () => {
    bot = await startBot('socket');
    bot.doctor.hang();
    const event = mentionEvent({ text: '429' });
    await bot.fake.socket.sendEvent(event, { eventId: 'EvRETRY1' });
    for (const attempt of [1, 2, 3]) {
      const ack = await bot.fake.socket.sendEvent(event, { eventId: 'EvRETRY1', retryAttempt: attempt, retryReason: 'timeout' });
      expect(ack.elapsedMs).toBeLessThan(ACK_DEADLINE_MS);
    }
    bot.doctor.release();
    await bot.fake.waitFor(() => posts().length >= 1, 5_000, 'the reply');
    await settle();
    expect(posts()).toHaveLength(1);
    expect(bot.doctor.diagnosed).toHaveLength(1);
    expect(bot.recorded.events.filter((e) => e === 'duplicate')).toHaveLength(3);
  });

  it('answers a mention that also arrives as a message event once', async () => {
    bot = await startBot('socket');
    const ts = nextTs();
    const mention = mentionEvent({ ts, text: '429' });
    await bot.fake.socket.sendEvent(channelMessageEvent({ ts, text: String(mention.text) }));
    await bot.fake.socket.sendEvent(mention);
    await bot.fake.waitFor(() => posts().length >= 1, 5_000, 'the reply');
    await settle();
    expect(posts()).toHaveLength(1);
    expect(bot.doctor.diagnosed).toHaveLength(1);
  });

  it('ignores 100 messages from bots, itself included, and still answers people', async () => {
    bot = await startBot('socket');
    for (let i = 0; i < 100; i++) await bot.fake.socket.sendEvent(botEvents(i));
    await bot.fake.socket.sendEvent(mentionEvent({ text: '429' }));
    await bot.fake.waitFor(() => posts().length >= 1, 5_000, 'the human reply');
    await settle();
    expect(posts()).toHaveLength(1);
    expect(bot.doctor.diagnosed).toHaveLength(1);
    // Our own messages never reach the adapter (Bolt's ignoreSelf); other bots' reach it and stop there.
    expect(bot.recorded.events.filter((e) => e === 'handled')).toHaveLength(1);
    expect(bot.recorded.events.filter((e) => e === 'bot').length).toBeGreaterThanOrEqual(75);
  });

  it('ignores channel chatter that neither mentions it nor replies in its threads', async () => {
    bot = await startBot('socket');
    await bot.fake.socket.sendEvent(channelMessageEvent({ text: 'Error 429, anyone?' }));
    await bot.fake.socket.sendEvent(channelMessageEvent({ text: 'me too', threadTs: nextTs() }));
    await settle();
    expect(posts()).toHaveLength(0);
    expect(bot.doctor.diagnosed).toHaveLength(0);
  });

  it('acknowledges every envelope within 2.5 s while the diagnosis hangs, then answers', async () => {
    bot = await startBot('socket');
    bot.doctor.hang();
    const acks = [
      await bot.fake.socket.sendEvent(mentionEvent({ text: '429' })),
      await bot.fake.socket.sendEvent(dmEvent({ text: '529' })),
      await bot.fake.socket.sendEvent(mentionEvent({ text: '500', threadTs: nextTs() })),
      await bot.fake.socket.sendEvent(botEvents(0)),
    ];
    for (const ack of acks) expect(ack.elapsedMs).toBeLessThan(ACK_DEADLINE_MS);
    expect(posts()).toHaveLength(0);
    bot.doctor.release();
    await bot.fake.waitFor(() => posts().length === 3, 5_000, 'three answers');
  });

  it('acknowledges the next event within 15 s after Slack asks it to reconnect', async () => {
    bot = await startBot('socket');
    await bot.fake.socket.sendEvent(mentionEvent({ text: '429' }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the first reply');

    const disconnectedAt = performance.now();
    bot.fake.socket.sendDisconnect('refresh_requested');
    await bot.fake.waitFor(() => bot!.adapter.state() === 'reconnecting', 5_000, 'the reconnect to start');
    await bot.fake.socket.waitForConnection(2);
    await bot.fake.waitFor(() => bot!.adapter.state() === 'up', 5_000, 'the adapter to be up again');
    const ack = await bot.fake.socket.sendEvent(mentionEvent({ text: '529 overloaded_error' }));
    expect(performance.now() - disconnectedAt).toBeLessThan(15_000);
    expect(ack.elapsedMs).toBeLessThan(ACK_DEADLINE_MS);
    expect(bot.fake.callsTo('apps.connections.open')).toHaveLength(2);
    await bot.fake.waitFor(() => posts().length === 2, 5_000, 'the reply after reconnecting');
  });

  it('reports down after stop()', async () => {
    bot = await startBot('socket');
    await bot.adapter.stop();
    expect(bot.adapter.state()).toBe('down');
  });
});

/** Gives stray duplicate work a moment to show up before asserting it did not. */
function settle(ms = 300): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
