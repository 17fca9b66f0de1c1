import { afterEach, describe, expect, it } from 'vitest';
import { buttonClick, mentionEvent } from '../fakes/slack/events';
import { createDoctor } from '../../src/doctor';
import type { ReviewSample } from '../../src/ports';
import { type Bot, messageText, startBot } from './support/harness';
import { TestDoctor } from './support/test-doctor';
import { RATE_LIMIT_JSON } from './support/pastes';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('feedback buttons', () => {
  it('acknowledges a 👍, counts it for the catalogue entry, logs it and thanks the user privately', async () => {
    bot = await startBot('socket');
    await bot.fake.socket.sendEvent(mentionEvent({ text: RATE_LIMIT_JSON }));
    await bot.fake.waitFor(() => bot!.fake.callsTo('chat.postMessage').length === 1, 5_000, 'the answer');
    const answer = bot.fake.callsTo('chat.postMessage')[0]!;
    const actions = (answer.params.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions');
    const up = actions!.elements!.find((e) => e.action_id === 'feedback_up')!;

    const ack = await bot.fake.socket.sendInteractive(buttonClick(up.action_id, up.value, '1800000000.000001', { threadTs: String(answer.params.thread_ts) }));
    expect(ack.elapsedMs).toBeLessThan(2_500);
    await bot.fake.waitFor(() => bot!.fake.callsTo('chat.postEphemeral').length === 1, 5_000, 'the thanks');
    expect(bot.recorded.votes).toEqual([{ vote: 'up', entry: 'rate-limit' }]);
    expect(bot.logger.entries).toContainEqual(expect.objectContaining({ msg: 'slack feedback', obj: expect.objectContaining({ vote: 'up', entry: 'rate-limit' }) }));
    const thanks = bot.fake.callsTo('chat.postEphemeral')[0]!;
    expect(thanks.params).toMatchObject({ user: 'U0ASKER', channel: 'C0CHANNEL', thread_ts: answer.params.thread_ts });
    expect(messageText(thanks.params)).toContain('Thanks for the feedback');
  });

  it('counts one vote per person and answer', async () => {
    bot = await startBot('socket');
    const value = JSON.stringify({ entry: 'overloaded', source: 'rules' });
    await bot.fake.socket.sendInteractive(buttonClick('feedback_down', value, '1800000000.000009'));
    await bot.fake.socket.sendInteractive(buttonClick('feedback_down', value, '1800000000.000009'));
    await bot.fake.socket.sendInteractive(buttonClick('feedback_up', value, '1800000000.000009', { user: 'U0SOMEONE' }));
    await bot.fake.waitFor(() => bot!.fake.callsTo('chat.postEphemeral').length === 3, 5_000, 'three acks');
    expect(bot.recorded.votes).toEqual([
      { vote: 'down', entry: 'overloaded' },
      { vote: 'up', entry: 'overloaded' },
    ]);
    expect(messageText(bot.fake.callsTo('chat.postEphemeral')[1]!.params)).toContain('already rated');
  });

  it('acknowledges a click with a tampered value without counting an entry', async () => {
    bot = await startBot('socket');
    const ack = await bot.fake.socket.sendInteractive(buttonClick('feedback_up', '{not json', '1800000000.000010'));
    expect(ack.elapsedMs).toBeLessThan(2_500);
    await bot.fake.waitFor(() => bot!.recorded.votes.length === 1, 5_000, 'the vote');
    expect(bot.recorded.votes).toEqual([{ vote: 'up', entry: null }]);
  });

  it('sends a 👎 with the answer\'s review reference to the core, which puts the paste in the review queue', async () => {
    const samples: ReviewSample[] = [];
    const downs: string[] = [];
    const review = { answered: async (sample: ReviewSample) => (samples.push(sample), '0123456789abcdef'), thumbsDown: async (ref: string) => void downs.push(ref) };
    const doctor = new TestDoctor(createDoctor({ review }));
    bot = await startBot('socket', doctor);
    await bot.fake.socket.sendEvent(mentionEvent({ text: RATE_LIMIT_JSON }));
    await bot.fake.waitFor(() => bot!.fake.callsTo('chat.postMessage').length === 1, 5_000, 'the answer');
    expect(doctor.diagnosed[0]).toMatchObject({ workspace: 'slack:T0FAKE', user: 'slack:T0FAKE:U0ASKER' });
    const answer = bot.fake.callsTo('chat.postMessage')[0]!;
    const actions = (answer.params.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions');
    const down = actions!.elements!.find((e) => e.action_id === 'feedback_down')!;

    await bot.fake.socket.sendInteractive(buttonClick(down.action_id, down.value, '1800000000.000001'));
    await bot.fake.waitFor(() => downs.length === 1, 5_000, 'the review queue');
    expect(doctor.votes).toEqual([{ vote: 'down', entry: 'rate-limit', ref: '0123456789abcdef', platform: 'slack' }]);
    expect(downs).toEqual(['0123456789abcdef']);
    expect(samples[0]).toMatchObject({ reason: null, entry: 'rate-limit' });
  });
});
