import { afterEach, describe, expect, it } from 'vitest';
import { type AppDoctor, createAppDoctor } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { type FakeAnthropic, fakeAnthropicEnv, noneAnswer, startFakeAnthropic, toolUseReply } from '../fakes/anthropic';
import { channelMessageEvent, mentionEvent, messageShortcut, nextTs } from '../fakes/slack/events';
import { type Bot, messageText, startBot } from './support/harness';
import { TestDoctor } from './support/test-doctor';

/**
 * The visible "working on it" state: an answer that is slow (here the model fallback, held by a
 * fake Anthropic until the test lets it answer) first shows a placeholder, which the answer then
 * replaces in place. Order of calls is asserted, never a wall-clock time.
 */
let bot: Bot | undefined;
let anthropic: FakeAnthropic | undefined;
let core: AppDoctor | undefined;
afterEach(async () => {
  await bot?.close();
  await core?.close();
  await anthropic?.close();
  bot = anthropic = core = undefined;
});

const UNKNOWN = 'Job 7 stopped: code XJ-42 from the upstream worker, nothing else in the log';
const posts = () => bot!.fake.callsTo('chat.postMessage');
const updates = () => bot!.fake.callsTo('chat.update');
const isPlaceholder = (params: Record<string, unknown>) => messageText(params).includes('Looking into this error');

/** The bot as `npm start` builds it, its model held until `answer()` is called. */
async function botWithSlowModel(): Promise<{ answer: () => void }> {
  let answer!: () => void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  const explanation = 'A worker upstream of your app failed; its own log has the cause.';
  anthropic = await startFakeAnthropic({
    script: [
      async (request) => {
        await held;
        return toolUseReply(noneAnswer(explanation), { toolName: (request.body as { tool_choice?: { name?: string } }).tool_choice?.name });
      },
    ],
  });
  core = await createAppDoctor(loadConfig(fakeAnthropicEnv(anthropic)));
  bot = await startBot('socket', new TestDoctor(core), { deps: { workingAfterMs: 50 } });
  return { answer };
}

describe('a slow answer in Slack', () => {
  it('shows a placeholder while the model works, then replaces it with the answer in place', async () => {
    const model = await botWithSlowModel();
    const ts = nextTs();
    await bot!.fake.socket.sendEvent(mentionEvent({ ts, text: UNKNOWN }));
    await bot!.fake.waitFor(() => posts().length === 1, 5_000, 'the placeholder');
    const placeholder = posts()[0]!;
    expect(isPlaceholder(placeholder.params)).toBe(true);
    expect(placeholder.params.thread_ts).toBe(ts);
    expect(anthropic!.requests).toHaveLength(1);
    expect(updates()).toHaveLength(0);

    model.answer();
    await bot!.fake.waitFor(() => bot!.recorded.replies.length === 2, 10_000, 'the answer');
    const placedTs = [...bot!.fake.posted.keys()][0]!.split(':')[1];
    expect(updates()[0]!.params).toMatchObject({ channel: 'C0CHANNEL', ts: placedTs });
    expect(messageText(updates()[0]!.params)).toContain('A worker upstream of your app failed');
    expect(JSON.stringify(updates()[0]!.params.blocks)).toContain('feedback_up');
    // Nothing else was posted, and what stands in the thread is the answer, not the placeholder.
    expect(posts()).toHaveLength(1);
    expect(isPlaceholder(bot!.fake.posted.get(`C0CHANNEL:${placedTs}`)!)).toBe(false);
    expect(bot!.recorded.replies).toEqual(['working', 'answer']);
  });

  it('replaces the placeholder with an apology when the diagnosis fails, never leaving it behind', async () => {
    bot = await startBot('socket', new TestDoctor(), { deps: { workingAfterMs: 50 } });
    bot.doctor.hang();
    await bot.fake.socket.sendEvent(mentionEvent({ text: '429' }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the placeholder');
    bot.doctor.mode = 'throw';
    bot.doctor.release();
    await bot.fake.waitFor(() => bot!.recorded.replies.length === 2, 5_000, 'the apology');
    expect(messageText(updates()[0]!.params)).toContain('something went wrong');
    expect([...bot.fake.posted.values()].some(isPlaceholder)).toBe(false);
    expect(bot.recorded.replies).toEqual(['working', 'failure']);
  });

  it('shows no placeholder when the rules answer at once', async () => {
    bot = await startBot('socket');
    await bot.fake.socket.sendEvent(mentionEvent({ text: '529 overloaded_error' }));
    await bot.fake.waitFor(() => bot!.recorded.replies.length === 1, 5_000, 'the answer');
    expect(posts().some((p) => isPlaceholder(p.params))).toBe(false);
    expect(updates()).toHaveLength(0);
  });

  it('uses the same placeholder for the message shortcut', async () => {
    const model = await botWithSlowModel();
    const target = channelMessageEvent({ text: UNKNOWN, user: 'U0AUTHOR' });
    await bot!.fake.socket.sendInteractive(messageShortcut('diagnose_error', target, { responseUrl: bot!.fake.responseUrl('slow') }));
    await bot!.fake.waitFor(() => posts().length === 1, 5_000, 'the placeholder');
    expect(isPlaceholder(posts()[0]!.params)).toBe(true);
    expect(posts()[0]!.params.thread_ts).toBe(target.ts);
    model.answer();
    await bot!.fake.waitFor(() => bot!.recorded.replies.length === 2, 10_000, 'the answer');
    expect(messageText(updates()[0]!.params)).toContain('A worker upstream of your app failed');
    expect(bot!.recorded.replies).toEqual(['working', 'shortcut-answer']);
  });
});
