import { afterEach, describe, expect, it } from 'vitest';
import { buttonClick, channelMessageEvent, mentionEvent } from '../fakes/slack/events';
import { APP_TOKEN, BOT_TOKEN, FakeSlack } from '../fakes/slack/fake-slack';
import { BotProcess } from '../ops/support/bot-process';
import { RedisServer } from '../support/redis-server';

const OVERLOADED = `anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}`;

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A bot process in Socket Mode on the fake Slack and the shared Redis; resolves once it is ready. */
async function replica(slack: FakeSlack, redis: RedisServer) {
  const bot = new BotProcess({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL: redis.url,
    HEALTH_PORT: '0',
    STATUS_URL: 'off',
    LOG_LEVEL: 'debug',
  });
  cleanup.push(() => bot.stop());
  const ready = await bot.waitForLog((r) => r.msg === 'ready', 20_000);
  const health = async () => {
    const res = await fetch(`http://127.0.0.1:${ready.healthPort as number}/healthz`);
    return { code: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return { bot, health };
}

async function world() {
  const redis = await RedisServer.start();
  const slack = await FakeSlack.start();
  cleanup.push(() => redis.stop(), () => slack.close());
  const answers = () => slack.callsTo('chat.postMessage');
  return { redis, slack, answers };
}

describe('two Slack replicas on one Redis', () => {
  it('answer a retried event once, and a follow-up that lands on the other replica from the shared thread', async () => {
    const { redis, slack, answers } = await world();
    const a = await replica(slack, redis);
    await slack.socket.waitForConnection(1);
    const b = await replica(slack, redis);
    await slack.socket.waitForConnection(2);

    // The first delivery reaches replica A (connection 0), Slack's retry reaches replica B.
    const mention = mentionEvent({ text: OVERLOADED });
    await slack.socket.sendEvent(mention, { eventId: 'EvRETRIED', connection: 0 });
    const first = await a.bot.waitForLog((r) => r.msg === 'slack answered');
    await slack.socket.sendEvent(mention, { eventId: 'EvRETRIED', retryAttempt: 1, retryReason: 'timeout', connection: 1 });
    await b.bot.waitForLog((r) => r.msg === 'slack duplicate delivery ignored');
    expect(answers()).toHaveLength(1);
    expect(b.bot.logs().filter((r) => r.msg === 'slack answered')).toHaveLength(0);

    // "I'm on Node" in the thread, delivered to replica B, which never saw the first answer.
    await slack.socket.sendEvent(channelMessageEvent({ text: "I'm on Node", threadTs: String(mention.ts) }), { connection: 1 });
    const second = await b.bot.waitForLog((r) => r.msg === 'slack answered');
    expect(second).toMatchObject({ followUp: true, entry: first.entry });
    expect(answers()).toHaveLength(2);
    const followUp = answers()[1]!;
    expect(followUp.params.thread_ts).toBe(mention.ts);
    expect(JSON.stringify(followUp.params.blocks)).toMatch(/overloaded/i);

    // "More detail" on that answer, whichever replica Slack hands the click to: the answer is in the shared
    // store, and its details are Node's.
    const blocks = followUp.params.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>;
    const more = blocks.find((b) => b.type === 'actions')!.elements!.find((e) => e.action_id === 'more_detail')!;
    await slack.socket.sendInteractive(buttonClick(more.action_id, more.value, '1800000000.000777', { threadTs: String(mention.ts) }));
    await slack.waitFor(() => answers().length === 3, 15_000, 'the details');
    expect(answers()[2]!.params.thread_ts).toBe(mention.ts);
    expect(JSON.stringify(answers()[2]!.params.blocks)).toMatch(/new Anthropic/);
  });

  it('keeps answering when Redis stops mid-run, says degraded on /healthz, and is ok again when Redis returns', async () => {
    const { redis, slack, answers } = await world();
    const { bot, health } = await replica(slack, redis);
    expect(await health()).toEqual({ code: 200, body: { status: 'ok', adapters: { slack: 'up' }, store: 'ok', events: {} } });

    await redis.stop();
    await slack.socket.sendEvent(mentionEvent({ text: OVERLOADED }));
    await slack.waitFor(() => answers().length === 1, 15_000, 'the answer without Redis');
    expect(await health()).toEqual({ code: 200, body: { status: 'degraded', adapters: { slack: 'up' }, store: 'degraded', events: { slack: { handled: 1 } } } });
    // Dedupe still works, from the process.
    const again = mentionEvent({ text: OVERLOADED });
    await slack.socket.sendEvent(again, { eventId: 'EvTWICE' });
    await slack.waitFor(() => answers().length === 2, 15_000, 'the second answer');
    await slack.socket.sendEvent(again, { eventId: 'EvTWICE', retryAttempt: 1 });
    await bot.waitForLog((r) => r.msg === 'slack duplicate delivery ignored');
    expect(answers()).toHaveLength(2);
    expect(bot.logs().filter((r) => r.level === 40 && /redis unreachable/.test(String(r.msg)))).toHaveLength(1);

    await redis.start();
    await bot.waitForLog((r) => /redis reachable again/.test(String(r.msg)), 10_000);
    expect((await health()).body.status).toBe('ok');
    bot.signal('SIGTERM');
    expect((await bot.exited).code).toBe(0);
  });
});
