import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/ports';
import { guardOutbound } from '../../src/redact';
import type { SlackMessage } from './blocks';
import type { ReplyKind, SlackMetrics } from './metrics';

/** Where a reply goes. `user` receives the ephemeral parts. */
export interface ReplyTarget {
  channel: string;
  threadTs: string | undefined;
  user: string;
}

export interface Poster {
  client: webApi.WebClient;
  logger: Logger;
  metrics: SlackMetrics;
}

/** One Web API call's result: the posted message's `ts`, or Slack's error code (`not_in_channel` …). */
export type PostOutcome = { ok: true; ts: string | undefined } | { ok: false; code: string | null };

/** Errors that mean the bot is not a member of the conversation, so it cannot post there. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);
export const isNotAMember = (o: PostOutcome): boolean => !o.ok && o.code !== null && NOT_A_MEMBER.has(o.code);

/** Posts one public message (in the thread, when the target has one), through the outbound gate. */
export function postOne(p: Poster, to: ReplyTarget, unchecked: SlackMessage, kind: ReplyKind): Promise<PostOutcome> {
  const message = guardOutbound(unchecked, 'chat');
  return call(p, 'chat.postMessage', to.channel, kind, async () => {
    const res = await p.client.chat.postMessage({
      channel: to.channel,
      ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
      // Reference links would otherwise unfurl into large previews under every answer.
      unfurl_links: false,
      unfurl_media: false,
    });
    return res.ts;
  });
}

/** Posts one message only `to.user` can see, in the channel (and thread) of the conversation; through the outbound gate. */
export function ephemeralOne(p: Poster, to: ReplyTarget, unchecked: SlackMessage, kind: ReplyKind): Promise<PostOutcome> {
  const message = guardOutbound(unchecked, 'chat');
  return call(p, 'chat.postEphemeral', to.channel, kind, async () => {
    const res = await p.client.chat.postEphemeral({
      channel: to.channel,
      user: to.user,
      ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
    });
    return res.message_ts;
  });
}

/** Replaces the text and blocks of a message the bot posted (`chat.update`; never ephemeral ones), through the outbound gate. */
export function updateOne(p: Poster, channel: string, ts: string, unchecked: SlackMessage, kind: ReplyKind): Promise<PostOutcome> {
  const message = guardOutbound(unchecked, 'chat');
  return call(p, 'chat.update', channel, kind, async () => {
    await p.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    return ts;
  });
}

/** Deletes a message the bot posted; used for a placeholder nothing could replace. */
export async function deleteOne(p: Poster, channel: string, ts: string): Promise<boolean> {
  try {
    await p.client.chat.delete({ channel, ts });
    return true;
  } catch (error) {
    p.logger.error({ err: error, channel }, 'slack chat.delete failed');
    return false;
  }
}

/**
 * Posts the parts of a reply in order, each through the outbound gate (postOne). Stops at the
 * first failure: later parts without the earlier ones would read as nonsense. Returns whether
 * every part went out.
 */
export async function postPublic(p: Poster, to: ReplyTarget, messages: SlackMessage[], kind: ReplyKind): Promise<boolean> {
  for (const message of messages) if (!(await postOne(p, to, message, kind)).ok) return false;
  return true;
}

/** Posts messages only `to.user` can see, in the channel (and thread) of the conversation. */
export async function postEphemeral(p: Poster, to: ReplyTarget, messages: SlackMessage[], kind: ReplyKind): Promise<boolean> {
  for (const message of messages) if (!(await ephemeralOne(p, to, message, kind)).ok) return false;
  return true;
}

/** Runs one Web API call, counting it by kind and logging a refusal with Slack's error code. */
async function call(p: Poster, method: string, channel: string, kind: ReplyKind, send: () => Promise<string | undefined>): Promise<PostOutcome> {
  try {
    const ts = await send();
    p.metrics.replySent?.(kind);
    return { ok: true, ts };
  } catch (error) {
    p.metrics.replyFailed?.(kind);
    const code = slackErrorCode(error);
    p.logger.error({ err: error, channel, kind, code }, `slack ${method} failed`);
    return { ok: false, code };
  }
}

/** The `error` field of a Web API refusal (`not_in_channel`, `msg_too_long` …), if it was one. */
export function slackErrorCode(error: unknown): string | null {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : null;
}
