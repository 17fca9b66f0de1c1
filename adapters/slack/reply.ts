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

/**
 * Posts the parts of a reply in order, each through the outbound gate. Stops at the first failure: later parts without the
 * earlier ones would read as nonsense. Returns whether every part went out.
 */
export async function postPublic(p: Poster, to: ReplyTarget, messages: SlackMessage[], kind: ReplyKind): Promise<boolean> {
  for (const message of messages.map((m) => guardOutbound(m, 'chat'))) {
    try {
      await p.client.chat.postMessage({
        channel: to.channel,
        ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
        text: message.text,
        blocks: message.blocks,
        // Reference links would otherwise unfurl into large previews under every answer.
        unfurl_links: false,
        unfurl_media: false,
      });
      p.metrics.replySent?.(kind);
    } catch (error) {
      p.metrics.replyFailed?.(kind);
      p.logger.error({ err: error, channel: to.channel, kind }, 'slack chat.postMessage failed');
      return false;
    }
  }
  return true;
}

/** Posts messages only `to.user` can see, in the channel (and thread) of the conversation. */
export async function postEphemeral(p: Poster, to: ReplyTarget, messages: SlackMessage[], kind: ReplyKind): Promise<boolean> {
  for (const message of messages.map((m) => guardOutbound(m, 'chat'))) {
    try {
      await p.client.chat.postEphemeral({
        channel: to.channel,
        user: to.user,
        ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
        text: message.text,
        blocks: message.blocks,
      });
      p.metrics.replySent?.(kind);
    } catch (error) {
      p.metrics.replyFailed?.(kind);
      p.logger.error({ err: error, channel: to.channel, kind }, 'slack chat.postEphemeral failed');
      return false;
    }
  }
  return true;
}
