import { afterEach, describe, expect, it } from 'vitest';
import { buttonClick, channelMessageEvent, dmEvent, mentionEvent, nextTs } from '../fakes/slack/events';
import type { RecordedCall } from '../fakes/slack/fake-slack';
import { fakeSecrets } from '../support/secrets';
import { type Bot, messageText, startBot } from './support/harness';
import { OVERLOADED, RATE_LIMIT_JSON } from './support/pastes';
import { SyntheticDoctor } from './support/synthetic-doctor';
import { TestDoctor } from './support/test-doctor';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const posts = () => bot!.fake.callsTo('chat.postMessage');
const ephemerals = () => bot!.fake.callsTo('chat.postEphemeral');
const KEY = 'sk-ant-api03-Zq8xY2vB7nL4mK9pR3tW6uH1jF5dS0aG2cV8bN4mX7zQ1wE3rT5yU9iO0pL6kJ2hG4fD8sA';
const PASTE = `${RATE_LIMIT_JSON}\nx-api-key: ${KEY}`;

type Button = { action_id: string; value: string };
const buttons = (post: RecordedCall): Button[] =>
  (post.params.blocks as Array<{ type: string; elements?: Button[] }>).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

/** Clicks "More detail" under a posted answer, as Slack sends the click (block_actions over Socket Mode). */
async function pressMoreDetail(post: RecordedCall, user = 'U0ASKER') {
  const more = buttons(post).find((b) => b.action_id === 'more_detail');
  if (!more) throw new Error('no "More detail" button');
  const threadTs = post.params.thread_ts === undefined ? undefined : String(post.params.thread_ts);
  return bot!.fake.socket.sendInteractive(buttonClick(more.action_id, more.value, `1800000000.${posts().indexOf(post)}`, { user, channel: String(post.params.channel), ...(threadTs ? { threadTs } : {}) }));
}

describe('what reaches whom', () => {
  it('never posts a pasted key publicly; the rotate warning goes to the asker alone (channel)', async () => {
    bot = await startBot('socket');
    const ts = nextTs();
    await bot.fake.socket.sendEvent(mentionEvent({ ts, text: PASTE, user: 'U0ASKER' }));
    await bot.fake.waitFor(() => posts().length === 1 && ephemerals().length === 1, 5_000, 'reply and warning');
    for (const call of bot.fake.calls) expect(JSON.stringify(call.params)).not.toContain(KEY.slice(0, 20));
    expect(messageText(posts()[0]!.params)).toContain('Rate limit reached (429)');
    expect(messageText(posts()[0]!.params)).not.toContain('rotate it now');
    expect(ephemerals()[0]!.params).toMatchObject({ channel: 'C0CHANNEL', user: 'U0ASKER', thread_ts: ts });
    expect(messageText(ephemerals()[0]!.params)).toContain('rotate it now');
    expect(JSON.stringify(bot.logger.entries)).not.toContain(KEY.slice(0, 20));
  });

  it('posts none of the secrets people paste (keys and tokens of many providers) anywhere', async () => {
    bot = await startBot('socket');
    const { bearer, ...others } = fakeSecrets(11);
    const secrets = [bearer, ...Object.values(others)];
    const paste = [RATE_LIMIT_JSON, `Authorization: Bearer ${bearer}`, ...Object.values(others).map((s, i) => `header-${i}: ${s}`)].join('\n');
    // Slack escapes & < > in message text; the adapter must undo that before the core redacts.
    const slackText = paste.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    await bot.fake.socket.sendEvent(mentionEvent({ text: slackText }));
    await bot.fake.waitFor(() => posts().length >= 1 && ephemerals().length === 1, 5_000, 'reply and warning');
    const sent = JSON.stringify(bot.fake.calls.map((c) => c.params));
    const logged = JSON.stringify(bot.logger.entries);
    for (const secret of secrets) {
      // The longest line: for a PEM key that is key material, not the BEGIN line.
      const probe = secret.split('\n').reduce((a, b) => (b.length > a.length ? b : a)).slice(-24);
      expect(sent).not.toContain(probe);
      expect(logged).not.toContain(probe);
    }
  });

  it('puts the rotate warning into the reply itself in a DM', async () => {
    bot = await startBot('socket');
    await bot.fake.socket.sendEvent(dmEvent({ text: PASTE }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    const text = messageText(posts()[0]!.params);
    expect(text).toContain('Only you can see this');
    expect(text).toContain('rotate it now');
    expect(text).not.toContain(KEY.slice(0, 20));
    expect(ephemerals()).toHaveLength(0);
  });

  it('echoes a pasted <!channel> and <@user> without pinging anyone', async () => {
    // The real core does not quote pastes back; this stand-in does, so the escaping shows end to end.
    bot = await startBot('socket', new TestDoctor(new SyntheticDoctor()));
    await bot.fake.socket.sendEvent(mentionEvent({ text: '&lt;!channel&gt; &lt;@U024BE7LH&gt; 429 &amp; co' }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    expect(bot.doctor.diagnosed[0]!.text).toBe('<!channel> <@U024BE7LH> 429 & co');
    const text = messageText(posts()[0]!.params);
    expect(text).toContain('&lt;!channel&gt; &lt;@U024BE7LH&gt; 429 &amp; co');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U024BE7LH>');
  });
});

describe('long answers', () => {
  it('answers with a short first message; "More detail" posts a 20,000-character details in the thread, within Slack limits', async () => {
    bot = await startBot('socket');
    bot.doctor.mode = 'long';
    await bot.fake.socket.sendEvent(mentionEvent({ text: '429' }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the answer');
    const answer = posts()[0]!;
    expect(messageText(answer.params).length).toBeLessThan(2_000);
    expect(messageText(answer.params)).not.toContain('END-OF-CAUSE');
    expect(buttons(answer).map((b) => b.action_id)).toEqual(['more_detail', 'feedback_up', 'feedback_down']);

    const ack = await pressMoreDetail(answer);
    expect(ack.elapsedMs).toBeLessThan(2_500);
    await bot.fake.waitFor(() => posts().length >= 3 && bot!.recorded.replies.length === posts().length, 5_000, 'all parts of the details');
    await settle();
    // The fake answers ok:false (invalid_blocks, msg_too_long...) for anything over a limit.
    expect(bot.recorded.failures).toEqual([]);
    const details = posts().slice(1);
    const all = details.map((p) => messageText(p.params)).join('\n');
    expect(all.length).toBeGreaterThan(20_000);
    expect(all).toContain('END-OF-CAUSE');
    expect(all).toContain('END-OF-SNIPPET');
    for (const p of details) {
      expect(p.params.thread_ts).toBe(answer.params.thread_ts);
      expect((p.params.blocks as unknown[]).length).toBeLessThanOrEqual(50);
    }
    expect(bot.recorded.replies.filter((k) => k === 'details')).toHaveLength(details.length);
  });
});

describe('follow-ups in a thread the bot answered', () => {
  it('re-renders both parts for Python when asked "python?"', async () => {
    bot = await startBot('socket');
    const ts = nextTs();
    await bot.fake.socket.sendEvent(mentionEvent({ ts, text: RATE_LIMIT_JSON }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the first answer');
    expect(messageText(posts()[0]!.params)).not.toContain('import anthropic');

    await bot.fake.socket.sendEvent(channelMessageEvent({ threadTs: ts, text: 'python?' }));
    await bot.fake.waitFor(() => posts().length === 2, 5_000, 'the re-rendered answer');
    const second = posts()[1]!;
    expect(second.params.thread_ts).toBe(ts);
    expect(messageText(second.params)).toContain('Rate limit reached (429)');
    expect(bot.doctor.followUps).toHaveLength(1);
    expect(bot.doctor.followUps[0]!.inquiry.text).toBe('python?');
    expect(bot.doctor.diagnosed).toHaveLength(1);

    // Its details are Python's: the snippet waits behind "More detail".
    await pressMoreDetail(second);
    await bot.fake.waitFor(() => posts().length === 3, 5_000, 'the details');
    expect(posts()[2]!.params.thread_ts).toBe(ts);
    expect(messageText(posts()[2]!.params)).toContain('*Python*');
    expect(messageText(posts()[2]!.params)).toContain('import anthropic');
  });

  it('posts the details when someone writes "more" under an answer, once per click', async () => {
    bot = await startBot('socket');
    const ts = nextTs();
    await bot.fake.socket.sendEvent(mentionEvent({ ts, text: RATE_LIMIT_JSON }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the answer');
    await bot.fake.socket.sendEvent(channelMessageEvent({ threadTs: ts, text: 'more' }));
    await bot.fake.waitFor(() => posts().length === 2, 5_000, 'the details');
    const details = messageText(posts()[1]!.params);
    expect(details).toContain('*Why*');
    expect(details).toContain('For support');
    // Nothing of the first message is said twice (the notification text names the answer it belongs to).
    expect(messageText({ ...posts()[1]!.params, text: '' })).not.toContain('Rate limit reached (429)');
    expect(bot.doctor.diagnosed).toHaveLength(1);
    expect(bot.doctor.followUps).toHaveLength(0);

    // A second click on the same answer does not post the details again; the clicker is told privately.
    await pressMoreDetail(posts()[0]!);
    await bot.fake.waitFor(() => posts().length === 3, 5_000, 'details from the button');
    await pressMoreDetail(posts()[0]!, 'U0SOMEONE');
    await bot.fake.waitFor(() => ephemerals().length === 1, 5_000, 'the note');
    expect(messageText(ephemerals()[0]!.params)).toContain('already in this thread');
    expect(posts()).toHaveLength(3);
  });

  it('diagnoses a new paste in the thread as a new question', async () => {
    bot = await startBot('socket');
    const ts = nextTs();
    await bot.fake.socket.sendEvent(mentionEvent({ ts, text: RATE_LIMIT_JSON }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the first answer');
    await bot.fake.socket.sendEvent(channelMessageEvent({ threadTs: ts, text: 'now I get: Error code: 529 {"type":"overloaded_error"} from the API' }));
    await bot.fake.waitFor(() => posts().length === 2, 5_000, 'the second answer');
    expect(bot.doctor.followUps).toHaveLength(1);
    expect(messageText(posts()[1]!.params)).toContain('overloaded (529)');
    expect(posts()[1]!.params.thread_ts).toBe(ts);
  });

  it('treats a DM conversation as one thread ("I\'m on Node" after an answer)', async () => {
    bot = await startBot('socket');
    await bot.fake.socket.sendEvent(dmEvent({ text: OVERLOADED }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the first answer');
    await bot.fake.socket.sendEvent(dmEvent({ text: "I'm on Node" }));
    await bot.fake.waitFor(() => posts().length === 2, 5_000, 'the re-rendered answer');
    expect(messageText(posts()[1]!.params)).toContain('overloaded (529)');
    await bot.fake.socket.sendEvent(dmEvent({ text: 'details' }));
    await bot.fake.waitFor(() => posts().length === 3, 5_000, 'the details');
    expect(messageText(posts()[2]!.params)).toContain('*TypeScript*');
  });
});

describe('a bare mention under someone else\'s paste', () => {
  it('reads the first message of the thread', async () => {
    bot = await startBot('socket');
    const parent = nextTs();
    bot.fake.threads.set(`C0CHANNEL:${parent}`, [{ type: 'message', user: 'U0OTHER', text: 'Error: 529 overloaded_error &amp; retries failed', ts: parent }]);
    await bot.fake.socket.sendEvent(mentionEvent({ threadTs: parent, text: '' }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    expect(bot.doctor.diagnosed[0]!.text).toBe('Error: 529 overloaded_error & retries failed');
    expect(posts()[0]!.params.thread_ts).toBe(parent);
  });
});

describe('when the core fails', () => {
  it('still answers, politely, in the same place', async () => {
    bot = await startBot('socket');
    bot.doctor.mode = 'throw';
    const ts = nextTs();
    await bot.fake.socket.sendEvent(mentionEvent({ ts, text: '429' }));
    // The metric is counted once Slack has answered the post, a moment after the fake saw it.
    await bot.fake.waitFor(() => bot!.recorded.replies.length === 1, 5_000, 'the apology');
    expect(posts()[0]!.params.thread_ts).toBe(ts);
    expect(messageText(posts()[0]!.params)).toContain('something went wrong');
    expect(bot.recorded.replies).toEqual(['failure']);
    expect(bot.logger.entries.some((e) => e.level === 'error' && e.msg === 'slack diagnosis failed')).toBe(true);
  });
});

function settle(ms = 300): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
