import { describe, expect, it } from 'vitest';
import { classifyEvent, conversationKey, replyThreadTs } from '../../adapters/slack/inbound';
import { isTrustedFileUrl } from '../../adapters/slack/files';

const base = { type: 'message', channel: 'C1', channel_type: 'channel', user: 'U1', text: 'hi', ts: '1.1' };

describe('classifyEvent', () => {
  it.each([
    ['another bot (bot_message)', { ...base, subtype: 'bot_message', bot_id: 'B9' }, 'bot'],
    ['a bot user (bot_id, no subtype)', { ...base, bot_id: 'B9' }, 'bot'],
    ['ourselves', { ...base, user: 'UBOT' }, 'bot'],
    ['an edit', { ...base, subtype: 'message_changed' }, 'ignored'],
    ['a join', { ...base, subtype: 'channel_join' }, 'ignored'],
    ['no user', { ...base, user: undefined }, 'ignored'],
    ['garbage', { type: 'message' }, 'ignored'],
    ['a file share', { ...base, subtype: 'file_share', files: [{ id: 'F1' }] }, 'message'],
    ['a plain message', base, 'message'],
  ])('%s -> %s', (_name, event, kind) => {
    expect(classifyEvent(event, 'UBOT').kind).toBe(kind);
  });

  it('marks mentions and DMs', () => {
    const mention = classifyEvent({ ...base, type: 'app_mention', channel_type: undefined }, 'UBOT');
    const textual = classifyEvent({ ...base, text: '<@UBOT> 429' }, 'UBOT');
    const dm = classifyEvent({ ...base, channel: 'D1', channel_type: 'im' }, 'UBOT');
    expect(mention.kind === 'message' && mention.message.mentioned).toBe(true);
    expect(textual.kind === 'message' && textual.message.mentioned).toBe(true);
    expect(dm.kind === 'message' && dm.message.isDM && !dm.message.mentioned).toBe(true);
  });
});

describe('where replies go', () => {
  const msg = (over: object) => {
    const c = classifyEvent({ ...base, ...over }, 'UBOT');
    if (c.kind !== 'message') throw new Error('not a message');
    return c.message;
  };
  it('answers a top-level mention in its own thread and a threaded one in its thread', () => {
    expect(replyThreadTs(msg({ ts: '5.5' }))).toBe('5.5');
    expect(replyThreadTs(msg({ ts: '5.6', thread_ts: '5.5' }))).toBe('5.5');
    expect(conversationKey(msg({ ts: '5.5' }))).toBe(conversationKey(msg({ ts: '5.6', thread_ts: '5.5' })));
  });
  it('answers a top-level DM in the DM, and treats the DM as one conversation', () => {
    const dm = { channel: 'D1', channel_type: 'im' };
    expect(replyThreadTs(msg({ ...dm, ts: '7.7' }))).toBeUndefined();
    expect(conversationKey(msg({ ...dm, ts: '7.7' }))).toBe(conversationKey(msg({ ...dm, ts: '7.8' })));
  });
});

describe('isTrustedFileUrl', () => {
  const api = 'http://127.0.0.1:4567/api';
  it.each([
    ['https://files.slack.com/files-pri/T1-F1/shot.png', undefined, true],
    ['http://files.slack.com/files-pri/T1-F1/shot.png', undefined, false],
    ['https://files.slack.com:8443/x', undefined, false],
    ['https://files.slack.com.evil.example/x', undefined, false],
    ['https://evil.example/files.slack.com/x', undefined, false],
    ['https://files.slack.com@evil.example/x', undefined, false],
    ['https://user:pw@files.slack.com/x', undefined, false],
    ['http://127.0.0.1:4567/files-pri/x', api, true],
    ['http://127.0.0.1:4568/files-pri/x', api, false],
    ['http://127.0.0.1:4567/files-pri/x', undefined, false],
    ['not a url', api, false],
  ])('%s (api %s) -> %s', (url, apiUrl, trusted) => {
    expect(isTrustedFileUrl(url, apiUrl)).toBe(trusted);
  });
});
