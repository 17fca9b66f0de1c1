import { createHmac, randomUUID } from 'node:crypto';
import { BOT_ID, BOT_USER_ID } from './fake-slack';

/** Builders for the event payloads Slack sends, with the fields real events carry. */

let tsCounter = 0;
/** A fresh message timestamp, unique within the test run. */
export function nextTs(): string {
  tsCounter += 1;
  return `1700000000.${String(tsCounter).padStart(6, '0')}`;
}

export interface MessageFields {
  text?: string;
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
  files?: Array<Record<string, unknown>>;
}

/** `app_mention`: the text starts with the bot's mention, like a real one. */
export function mentionEvent(f: MessageFields = {}): Record<string, unknown> {
  const ts = f.ts ?? nextTs();
  return {
    type: 'app_mention',
    user: f.user ?? 'U0ASKER',
    text: `<@${BOT_USER_ID}> ${f.text ?? ''}`,
    ts,
    event_ts: ts,
    channel: f.channel ?? 'C0CHANNEL',
    team: 'T0FAKE',
    ...(f.threadTs ? { thread_ts: f.threadTs } : {}),
    ...(f.files ? { files: f.files, upload: false } : {}),
  };
}

/** A `message` in a channel (message.channels), e.g. a reply in a thread. */
export function channelMessageEvent(f: MessageFields = {}): Record<string, unknown> {
  const ts = f.ts ?? nextTs();
  return {
    type: 'message',
    channel_type: 'channel',
    user: f.user ?? 'U0ASKER',
    text: f.text ?? '',
    ts,
    event_ts: ts,
    channel: f.channel ?? 'C0CHANNEL',
    team: 'T0FAKE',
    ...(f.threadTs ? { thread_ts: f.threadTs } : {}),
    ...(f.files ? { files: f.files, subtype: 'file_share' } : {}),
  };
}

/** A direct message to the bot (message.im). */
export function dmEvent(f: MessageFields = {}): Record<string, unknown> {
  return { ...channelMessageEvent({ channel: 'D0DM', ...f }), channel_type: 'im' };
}

/** The kinds of bot traffic the adapter must never answer. */
export function botEvents(i: number): Record<string, unknown> {
  const ts = nextTs();
  const variants: Array<Record<string, unknown>> = [
    // Another integration posting with bot_message.
    { type: 'message', subtype: 'bot_message', bot_id: `BOTHER${i}`, text: `<@${BOT_USER_ID}> 429 rate_limit_error`, ts, channel: 'C0CHANNEL', channel_type: 'channel' },
    // A bot user (modern apps): bot_id but no subtype, mentioning us.
    { type: 'app_mention', bot_id: `BOTHER${i}`, user: `UOTHERBOT${i}`, text: `<@${BOT_USER_ID}> overloaded_error`, ts, channel: 'C0CHANNEL' },
    // Our own answer, echoed back as a DM message.
    { type: 'message', bot_id: BOT_ID, user: BOT_USER_ID, text: 'HTTP 429 rate_limit_error', ts, channel: 'D0DM', channel_type: 'im' },
    // Another bot writing in a DM-like conversation.
    { type: 'message', bot_id: `BOTHER${i}`, user: `UOTHERBOT${i}`, text: 'Error 529 overloaded', ts, channel: 'D0OTHER', channel_type: 'im' },
  ];
  return variants[i % variants.length]!;
}

/** The Events API wrapper around an event, as POSTed in HTTP mode. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${randomUUID().slice(0, 8)}`): Record<string, unknown> {
  return {
    token: 'verification-token',
    team_id: 'T0FAKE',
    api_app_id: 'A0FAKE',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0FAKE', user_id: BOT_USER_ID, is_bot: true, enterprise_id: null }],
  };
}

/** A block_actions payload for a click on one of our buttons under the message `messageTs`. */
export function buttonClick(actionId: string, value: string, messageTs: string, f: { user?: string; channel?: string; threadTs?: string } = {}) {
  return {
    type: 'block_actions',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: f.user ?? 'U0ASKER', team_id: 'T0FAKE' },
    api_app_id: 'A0FAKE',
    token: 'verification-token',
    trigger_id: 'trigger.fake',
    container: { type: 'message', message_ts: messageTs, channel_id: f.channel ?? 'C0CHANNEL', is_ephemeral: false, thread_ts: f.threadTs },
    channel: { id: f.channel ?? 'C0CHANNEL', name: 'errors' },
    message: { type: 'message', ts: messageTs, bot_id: BOT_ID, thread_ts: f.threadTs, text: 'answer' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'feedback', value, action_ts: String(Date.now() / 1000) }],
  };
}

export interface SignedPostOptions {
  secret: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (a forged request). */
  signature?: string;
  retryNum?: number;
  retryReason?: string;
  contentType?: string;
}

/** POSTs a body to the bot's Events URL the way Slack signs it: v0 HMAC-SHA256 over v0:ts:body. */
export async function postSigned(url: string, rawBody: string, o: SignedPostOptions): Promise<{ status: number; elapsedMs: number; body: string }> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = o.signature ?? `v0=${createHmac('sha256', o.secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': o.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      ...(o.retryNum !== undefined ? { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': o.retryReason ?? 'http_timeout' } : {}),
    },
    body: rawBody,
    signal: AbortSignal.timeout(10_000),
  });
  const body = await res.text();
  return { status: res.status, elapsedMs: performance.now() - started, body };
}

/**
 * A `message_action` payload: someone chose one of our message shortcuts on `message`. Real ones
 * carry the whole target message (text, files, thread_ts) and a `response_url`.
 */
export function messageShortcut(
  callbackId: string,
  message: Record<string, unknown>,
  f: { responseUrl: string; user?: string; channel?: string },
): Record<string, unknown> {
  return {
    type: 'message_action',
    token: 'verification-token',
    action_ts: String(Date.now() / 1000),
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: f.user ?? 'U0HELPER', username: 'helper', team_id: 'T0FAKE', name: 'helper' },
    channel: { id: f.channel ?? String(message.channel ?? 'C0CHANNEL'), name: 'errors' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: callbackId,
    trigger_id: `trigger.${randomUUID().slice(0, 8)}`,
    // Always the fake's own address: a test must never reach hooks.slack.com.
    response_url: f.responseUrl,
    message_ts: message.ts,
    message: { type: 'message', ...withoutChannel(message) },
  };
}

/** A message as a shortcut payload carries it: the event's fields without `channel`. */
function withoutChannel(message: Record<string, unknown>): Record<string, unknown> {
  const { channel: _channel, channel_type: _type, event_ts: _eventTs, ...rest } = message;
  return rest;
}
