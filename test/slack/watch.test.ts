import { afterEach, describe, expect, it } from 'vitest';
import { botEvents, channelMessageEvent, mentionEvent, nextTs } from '../fakes/slack/events';
import { type Bot, messageText, startBot } from './support/harness';

/**
 * A watched help channel (SLACK_WATCH_CHANNELS): new top-level messages there are read by the rules
 * and answered in their thread only when the rules are confident; everything else stays silent.
 */
let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const WATCHED = 'C0HELPDESK';
const PASTE_529 = "anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}";
const PASTE_429 = 'anthropic.RateLimitError: Error code: 429 - {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}';
const posts = () => bot!.fake.callsTo('chat.postMessage');
const watching = (perHour = 20) => startBot('socket', undefined, { config: { SLACK_WATCH_CHANNELS: [WATCHED] }, deps: { watchAnswersPerHour: perHour } });
const inWatched = (text: string, f: { ts?: string; threadTs?: string; user?: string } = {}) => channelMessageEvent({ channel: WATCHED, text, ...f });

/** Sends events and waits until the adapter has handled each (an event counted, an answer sent). */
async function deliver(...events: Array<Record<string, unknown>>): Promise<void> {
  for (const event of events) {
    const seen = bot!.recorded.events.length;
    await bot!.fake.socket.sendEvent(event);
    await bot!.fake.waitFor(() => bot!.recorded.events.length > seen, 5_000, 'the event to be handled');
  }
  // Let a diagnosis that was passed on finish (rules answers take milliseconds).
  await bot!.fake.waitFor(() => bot!.doctor.diagnosed.length === bot!.recorded.events.filter((e) => e === 'watched').length, 5_000, 'the diagnoses');
  await new Promise((r) => setTimeout(r, 150));
}

describe('a watched help channel', () => {
  it('answers a confident paste in its thread, from the rules alone', async () => {
    bot = await watching();
    const ts = nextTs();
    await deliver(inWatched(PASTE_529, { ts }));
    await bot.fake.waitFor(() => bot!.recorded.replies.length === 1, 5_000, 'the answer');
    expect(posts()[0]!.params).toMatchObject({ channel: WATCHED, thread_ts: ts });
    expect(messageText(posts()[0]!.params)).toContain('overloaded (529)');
    expect(JSON.stringify(posts()[0]!.params.blocks)).toContain('feedback_up');
    expect(bot.doctor.options).toEqual([{ rulesOnly: true }]);
    expect(bot.recorded.events).toEqual(['watched']);
    expect(bot.recorded.replies).toEqual(['watch-answer']);
  });

  it('stays silent on chit-chat, on an error it does not recognise and on another provider\'s error', async () => {
    bot = await watching();
    await deliver(
      inWatched('morning all! anyone tried the new model yet?'),
      inWatched('Job 7 stopped: code XJ-42 from the upstream worker, nothing else in the log'),
      inWatched("openai.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for gpt-4o', 'type': 'requests', 'code': 'rate_limit_exceeded'}}"),
    );
    expect(bot.doctor.diagnosed).toHaveLength(3);
    expect(bot.fake.calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
  });

  it('never answers a bot, itself included', async () => {
    bot = await watching();
    for (let i = 0; i < 2; i++) await bot.fake.socket.sendEvent({ ...botEvents(i), channel: WATCHED, text: PASTE_529 });
    await deliver(inWatched('just checking'));
    expect(bot.recorded.events.filter((e) => e === 'bot')).toHaveLength(2);
    expect(bot.doctor.diagnosed.map((i) => i.text)).toEqual(['just checking']);
    expect(posts()).toHaveLength(0);
  });

  it('answers a thread once: not a redelivery, not a reply in it, not a paste further down', async () => {
    bot = await watching();
    const ts = nextTs();
    const first = inWatched(PASTE_529, { ts });
    await deliver(first);
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the answer');
    await bot.fake.socket.sendEvent(first, { eventId: 'EvREDELIVERED', retryAttempt: 1, retryReason: 'http_timeout' });
    await deliver(inWatched('thanks, that was it!', { threadTs: ts }), inWatched(PASTE_429, { threadTs: ts }));
    expect(posts()).toHaveLength(1);
    expect(bot.doctor.diagnosed).toHaveLength(1);
  });

  it('still answers a mention in the thread it answered, re-rendering for the client asked for', async () => {
    bot = await watching();
    const ts = nextTs();
    await deliver(inWatched(PASTE_429, { ts }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the answer');
    await bot.fake.socket.sendEvent(mentionEvent({ channel: WATCHED, threadTs: ts, text: 'python?' }));
    await bot.fake.waitFor(() => posts().length === 2, 5_000, 'the re-rendered answer');
    expect(posts()[1]!.params.thread_ts).toBe(ts);
    expect(messageText(posts()[1]!.params)).toContain('Rate limit reached (429)');
    // Both parts were re-rendered for Python: its details carry the Python snippet.
    await bot.fake.socket.sendEvent(mentionEvent({ channel: WATCHED, threadTs: ts, text: 'more' }));
    await bot.fake.waitFor(() => posts().length === 3, 5_000, 'the details');
    expect(posts()[2]!.params.thread_ts).toBe(ts);
    expect(messageText(posts()[2]!.params)).toContain('import anthropic');
  });

  it('gives each channel at most WATCH_ANSWERS_PER_HOUR answers, then stays silent', async () => {
    bot = await watching(2);
    await deliver(inWatched(PASTE_529), inWatched(PASTE_429), inWatched(PASTE_529));
    await bot.fake.waitFor(() => bot!.logger.entries.some((e) => e.msg === 'slack watch: channel answer limit reached, staying silent'), 5_000, 'the limit');
    await bot.fake.waitFor(() => bot!.recorded.replies.length === 2, 5_000, 'two answers');
    expect(bot.doctor.diagnosed).toHaveLength(3);
    expect(posts()).toHaveLength(2);
  });

  it('leaves channels it does not watch as they were: only mentions are answered there', async () => {
    bot = await watching();
    await bot.fake.socket.sendEvent(channelMessageEvent({ channel: 'C0OTHER', text: PASTE_529 }));
    await bot.fake.waitFor(() => bot!.recorded.events.includes('ignored'), 5_000, 'the event');
    expect(bot.doctor.diagnosed).toHaveLength(0);
  });

  it('warns the author privately about a pasted key and never shows the key', async () => {
    bot = await watching();
    const key = 'sk-ant-api03-Zq8xY2vB7nL4mK9pR3tW6uH1jF5dS0aG2cV8bN4mX7zQ1wE3rT5yU9iO0pL6kJ2hG4fD8sA';
    await deliver(inWatched(`${PASTE_529}\nANTHROPIC_API_KEY=${key}`, { user: 'U0AUTHOR' }));
    await bot.fake.waitFor(() => bot!.fake.callsTo('chat.postEphemeral').length === 1, 5_000, 'the warning');
    expect(bot.fake.callsTo('chat.postEphemeral')[0]!.params).toMatchObject({ user: 'U0AUTHOR', channel: WATCHED });
    for (const call of bot.fake.calls) expect(JSON.stringify(call.params)).not.toContain(key.slice(0, 20));
  });
});
