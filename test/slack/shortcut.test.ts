import { afterEach, describe, expect, it } from 'vitest';
import { BOT_ID } from '../fakes/slack/fake-slack';
import { channelMessageEvent, messageShortcut, nextTs } from '../fakes/slack/events';
import { type Bot, messageText, startBot } from './support/harness';
import { RATE_LIMIT_JSON } from './support/pastes';

/**
 * The "Diagnose this error" / "Diagnose privately" message shortcuts, end to end: a real Bolt app
 * in Socket Mode gets Slack's `message_action` payload from the fake and answers through its Web API.
 */
let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const PASTE_529 = "anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}";
const KEY = 'sk-ant-api03-Zq8xY2vB7nL4mK9pR3tW6uH1jF5dS0aG2cV8bN4mX7zQ1wE3rT5yU9iO0pL6kJ2hG4fD8sA';
const posts = () => bot!.fake.callsTo('chat.postMessage');
/** The shortcut payload, its response_url on the fake. */
const shortcut = (id: 'diagnose_error' | 'diagnose_error_private', message: Record<string, unknown>, f: { user?: string; key?: string } = {}) =>
  messageShortcut(id, message, { responseUrl: bot!.fake.responseUrl(f.key ?? 'note'), ...(f.user ? { user: f.user } : {}) });
const ephemerals = () => bot!.fake.callsTo('chat.postEphemeral');

/** Someone's earlier message in #errors, as the shortcut payload carries it. */
function postedMessage(text: string, f: { user?: string; threadTs?: string } = {}) {
  return channelMessageEvent({ text, user: f.user ?? 'U0AUTHOR', ts: nextTs(), ...(f.threadTs ? { threadTs: f.threadTs } : {}) });
}

describe('"Diagnose this error" on a message', () => {
  it('acknowledges before the diagnosis finishes, then answers a 529 paste in the message\'s thread', async () => {
    bot = await startBot('socket');
    bot.doctor.hang();
    const target = postedMessage(PASTE_529);
    const ack = await bot.fake.socket.sendInteractive(shortcut('diagnose_error', target));
    // The acknowledgement came back while the diagnosis was still waiting: it never waits for the answer.
    expect(ack.envelopeId).toBeTruthy();
    await bot.fake.waitFor(() => bot!.doctor.diagnosed.length === 1, 5_000, 'the diagnosis to start');
    expect(posts()).toHaveLength(0);
    bot.doctor.release();

    await bot.fake.waitFor(() => bot!.recorded.replies.length === 1, 5_000, 'the answer');
    const answer = posts()[0]!.params;
    expect(answer).toMatchObject({ channel: 'C0CHANNEL', thread_ts: target.ts });
    expect(messageText(answer)).toContain('overloaded (529)');
    expect(JSON.stringify(answer.blocks)).toContain('feedback_up');
    expect(ephemerals()).toHaveLength(0);
    // The shortcut's user is the asker (their model quota), the message's text is the paste.
    expect(bot.doctor.diagnosed[0]).toMatchObject({ text: PASTE_529, user: 'slack:T0FAKE:U0HELPER', channel: 'C0CHANNEL' });
    expect(bot.doctor.options[0]).toEqual({});
    expect(bot.recorded.events).toContain('shortcut');
    expect(bot.recorded.replies).toEqual(['shortcut-answer']);
  });

  it('answers a message inside a thread in that same thread', async () => {
    bot = await startBot('socket');
    const root = nextTs();
    const target = postedMessage(RATE_LIMIT_JSON, { threadTs: root });
    await bot.fake.socket.sendInteractive(shortcut('diagnose_error', target));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the answer');
    expect(posts()[0]!.params.thread_ts).toBe(root);
  });

  it('reads a text snippet attached to the message, as a mention would', async () => {
    bot = await startBot('socket');
    bot.fake.files.set('F1', { contentType: 'text/plain', body: Buffer.from(PASTE_529) });
    const file = { id: 'F1', name: 'error.log', mimetype: 'text/plain', mode: 'snippet', size: PASTE_529.length, url_private: bot.fake.fileUrl('F1') };
    await bot.fake.socket.sendInteractive(shortcut('diagnose_error', { ...postedMessage('this keeps happening'), files: [file] }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the answer');
    expect(bot.doctor.diagnosed[0]!.text).toContain('overloaded_error');
    expect(messageText(posts()[0]!.params)).toContain('overloaded (529)');
  });

  it('points a second person to the answer already in the thread instead of answering twice', async () => {
    bot = await startBot('socket');
    const target = postedMessage(PASTE_529);
    await bot.fake.socket.sendInteractive(shortcut('diagnose_error', target));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the answer');
    await bot.fake.socket.sendInteractive(shortcut('diagnose_error', target, { user: 'U0SECOND', key: 'second-asker' }));
    await bot.fake.waitFor(() => bot!.fake.responses.length === 1, 5_000, 'the note');
    expect(bot.fake.responses[0]!.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(bot.fake.responses[0]!.body)).toContain('already answered');
    expect(posts()).toHaveLength(1);
  });

  it('outside a channel the bot is in, says privately to invite it', async () => {
    bot = await startBot('socket');
    bot.fake.notMemberOf.add('C0ELSEWHERE');
    const target = { ...postedMessage(PASTE_529), channel: 'C0ELSEWHERE' };
    await bot.fake.socket.sendInteractive(shortcut('diagnose_error', target, { key: 'outside' }));
    await bot.fake.waitFor(() => bot!.fake.responses.length === 1, 5_000, 'the invite note');
    const note = bot.fake.responses[0]!;
    expect(note.key).toBe('outside');
    expect(note.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(note.body.text)).toContain('/invite @error-doctor');
    expect(bot.fake.posted.size).toBe(0);
  });

  it('masks a pasted key and warns its author privately, not the person who used the shortcut', async () => {
    bot = await startBot('socket');
    const target = postedMessage(`${RATE_LIMIT_JSON}\nx-api-key: ${KEY}`, { user: 'U0AUTHOR' });
    await bot.fake.socket.sendInteractive(shortcut('diagnose_error', target, { user: 'U0HELPER' }));
    await bot.fake.waitFor(() => posts().length === 1 && ephemerals().length === 1, 5_000, 'answer and warning');
    for (const call of bot.fake.calls) expect(JSON.stringify(call.params)).not.toContain(KEY.slice(0, 20));
    expect(messageText(posts()[0]!.params)).not.toContain('rotate it now');
    expect(ephemerals()[0]!.params).toMatchObject({ user: 'U0AUTHOR', thread_ts: target.ts });
    expect(messageText(ephemerals()[0]!.params)).toContain('rotate it now');
    expect(JSON.stringify(bot.logger.entries)).not.toContain(KEY.slice(0, 20));
  });

  it('answers a Socket Mode redelivery of the same payload once', async () => {
    bot = await startBot('socket');
    const payload = shortcut('diagnose_error', postedMessage(PASTE_529));
    await bot.fake.socket.sendInteractive(payload);
    await bot.fake.socket.sendInteractive(payload);
    await bot.fake.waitFor(() => posts().length === 1 && bot!.recorded.events.includes('duplicate'), 5_000, 'one answer');
    expect(bot.doctor.diagnosed).toHaveLength(1);
  });

  it('does not diagnose its own answers', async () => {
    bot = await startBot('socket');
    const own = { ...postedMessage('Rate limit reached (429)'), user: 'UBOT', bot_id: BOT_ID };
    await bot.fake.socket.sendInteractive(shortcut('diagnose_error', own));
    await bot.fake.waitFor(() => bot!.fake.responses.length === 1, 5_000, 'the note');
    expect(String(bot.fake.responses[0]!.body.text)).toContain('one of my answers');
    expect(bot.doctor.diagnosed).toHaveLength(0);
  });
});

describe('"Diagnose privately" on a message', () => {
  it('answers only the person who asked, with an ephemeral message and nothing public', async () => {
    bot = await startBot('socket');
    const target = postedMessage(PASTE_529);
    await bot.fake.socket.sendInteractive(shortcut('diagnose_error_private', target, { user: 'U0HELPER' }));
    await bot.fake.waitFor(() => bot!.recorded.replies.length === 1, 5_000, 'the private answer');
    expect(ephemerals()[0]!.params).toMatchObject({ channel: 'C0CHANNEL', user: 'U0HELPER' });
    expect(messageText(ephemerals()[0]!.params)).toContain('overloaded (529)');
    expect(JSON.stringify(ephemerals()[0]!.params.blocks)).toContain('feedback_up');
    expect(posts()).toHaveLength(0);
    expect(bot.recorded.events).toContain('shortcut-private');
    expect(bot.recorded.replies).toEqual(['private-answer']);
  });

  it('puts the rotate warning inside the private answer when the asker pasted the key', async () => {
    bot = await startBot('socket');
    const target = postedMessage(`${RATE_LIMIT_JSON}\nx-api-key: ${KEY}`, { user: 'U0HELPER' });
    await bot.fake.socket.sendInteractive(shortcut('diagnose_error_private', target, { user: 'U0HELPER' }));
    await bot.fake.waitFor(() => ephemerals().length === 1, 5_000, 'the private answer');
    await new Promise((r) => setTimeout(r, 200));
    expect(ephemerals()).toHaveLength(1);
    expect(messageText(ephemerals()[0]!.params)).toContain('rotate it now');
    expect(JSON.stringify(ephemerals()[0]!.params)).not.toContain(KEY.slice(0, 20));
  });
});
