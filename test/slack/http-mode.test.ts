import { afterEach, describe, expect, it } from 'vitest';
import { botEvents, buttonClick, dmEvent, eventCallback, mentionEvent, nextTs, postSigned } from '../fakes/slack/events';
import { type Bot, SIGNING_SECRET, startBot } from './support/harness';

const ACK_DEADLINE_MS = 2_500;

let bot: Bot | undefined;
afterEach(async () => {
  bot?.doctor.release();
  await bot?.close();
  bot = undefined;
});

const posts = () => bot!.fake.callsTo('chat.postMessage');
const send = (body: object, extra: { timestamp?: number; signature?: string; retryNum?: number } = {}) =>
  postSigned(bot!.eventsUrl, JSON.stringify(body), { secret: SIGNING_SECRET, ...extra });

describe('Slack adapter, HTTP mode (Events API)', () => {
  it('listens on POST /slack/events and answers a mention in its thread', async () => {
    bot = await startBot('http');
    expect(bot.adapter.mode).toBe('http');
    expect(bot.adapter.state()).toBe('up');
    const ts = nextTs();
    const res = await send(eventCallback(mentionEvent({ ts, text: 'Error code: 429' })));
    expect(res.status).toBe(200);
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    expect(posts()[0]!.params).toMatchObject({ channel: 'C0CHANNEL', thread_ts: ts });
  });

  it('answers the URL verification challenge', async () => {
    bot = await startBot('http');
    const res = await send({ token: 'x', challenge: 'c-123', type: 'url_verification' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('c-123');
  });

  it('answers a DM in the DM', async () => {
    bot = await startBot('http');
    await send(eventCallback(dmEvent({ text: '529 overloaded_error' })));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    expect(posts()[0]!.params.channel).toBe('D0DM');
  });

  it('answers a delivery retried with X-Slack-Retry-Num once', async () => {
    bot = await startBot('http');
    bot.doctor.hang();
    const body = eventCallback(mentionEvent({ text: '429' }), 'EvHTTPRETRY');
    expect((await send(body)).status).toBe(200);
    for (const retryNum of [1, 2]) expect((await send(body, { retryNum })).status).toBe(200);
    bot.doctor.release();
    await bot.fake.waitFor(() => posts().length >= 1, 5_000, 'the reply');
    await settle();
    expect(posts()).toHaveLength(1);
    expect(bot.doctor.diagnosed).toHaveLength(1);
  });

  it('refuses a request with a bad signature, and nothing is answered', async () => {
    bot = await startBot('http');
    const res = await send(eventCallback(mentionEvent({ text: '429' })), { signature: `v0=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    await settle();
    expect(posts()).toHaveLength(0);
    expect(bot.doctor.diagnosed).toHaveLength(0);
  });

  it('refuses a correctly signed request older than 5 minutes (replay), and nothing is answered', async () => {
    bot = await startBot('http');
    const res = await send(eventCallback(mentionEvent({ text: '429' })), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    await settle();
    expect(posts()).toHaveLength(0);
    expect(bot.doctor.diagnosed).toHaveLength(0);
  });

  it('answers every request within 2.5 s while the diagnosis hangs, then posts the answers', async () => {
    bot = await startBot('http');
    bot.doctor.hang();
    const results = [
      await send(eventCallback(mentionEvent({ text: '429' }))),
      await send(eventCallback(dmEvent({ text: '500 api_error' }))),
      await send(eventCallback(botEvents(1))),
    ];
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.elapsedMs).toBeLessThan(ACK_DEADLINE_MS);
    }
    bot.doctor.release();
    await bot.fake.waitFor(() => posts().length === 2, 5_000, 'two answers');
  });

  it('acknowledges a feedback click posted as a signed form', async () => {
    bot = await startBot('http');
    const payload = buttonClick('feedback_down', JSON.stringify({ entry: 'rate-limit', source: 'rules' }), nextTs());
    const res = await postSigned(bot.eventsUrl, `payload=${encodeURIComponent(JSON.stringify(payload))}`, {
      secret: SIGNING_SECRET,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(ACK_DEADLINE_MS);
    await bot.fake.waitFor(() => bot!.recorded.votes.length === 1, 5_000, 'the vote');
    expect(bot.recorded.votes[0]).toEqual({ vote: 'down', entry: 'rate-limit' });
  });
});

function settle(ms = 300): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
