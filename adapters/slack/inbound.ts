import { z } from 'zod';
import { mentionsUser } from './slack-text';

/**
 * Incoming `app_mention` and `message` events, parsed with zod: the payload is untrusted and only
 * the fields below are read. Unknown fields are dropped.
 */
export const SlackFileSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  mimetype: z.string().nullish(),
  filetype: z.string().nullish(),
  size: z.number().nullish(),
  mode: z.string().nullish(),
  url_private: z.string().nullish(),
  url_private_download: z.string().nullish(),
  /** `check_file_info`: the event carries only the id; `files.info` has the rest (Slack Connect). */
  file_access: z.string().nullish(),
});
export type SlackFile = z.infer<typeof SlackFileSchema>;

const MessageEventSchema = z.object({
  type: z.string(),
  subtype: z.string().nullish(),
  bot_id: z.string().nullish(),
  user: z.string().nullish(),
  team: z.string().nullish(),
  text: z.string().nullish(),
  ts: z.string(),
  thread_ts: z.string().nullish(),
  channel: z.string(),
  channel_type: z.string().nullish(),
  files: z.array(SlackFileSchema).nullish(),
});

/** A user's message the bot may answer. */
export interface InboundMessage {
  channel: string;
  ts: string;
  threadTs: string | undefined;
  user: string;
  team: string | undefined;
  /** Slack-formatted text, as delivered. */
  text: string;
  files: SlackFile[];
  isDM: boolean;
  /** `app_mention`, or a message whose text mentions the bot. */
  mentioned: boolean;
}

export type Classified =
  | { kind: 'message'; message: InboundMessage }
  | { kind: 'bot' }
  | { kind: 'ignored'; reason: string };

/** Subtypes that are still a person writing to us; edits, joins, deletions... are not. */
const USER_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/**
 * Sorts an event into "a user's message", "from a bot" (never answered: loops) or "not for us".
 * Bolt's ignoreSelf only drops our own bot; every other bot is dropped here.
 */
export function classifyEvent(event: unknown, botUserId: string | undefined): Classified {
  const parsed = MessageEventSchema.safeParse(event);
  if (!parsed.success) return { kind: 'ignored', reason: 'unexpected event shape' };
  const e = parsed.data;
  if (e.bot_id || e.subtype === 'bot_message' || (botUserId !== undefined && e.user === botUserId)) {
    return { kind: 'bot' };
  }
  if (e.subtype && !USER_SUBTYPES.has(e.subtype)) return { kind: 'ignored', reason: `subtype ${e.subtype}` };
  if (!e.user) return { kind: 'ignored', reason: 'no user' };
  const text = e.text ?? '';
  return {
    kind: 'message',
    message: {
      channel: e.channel,
      ts: e.ts,
      threadTs: e.thread_ts ?? undefined,
      user: e.user,
      team: e.team ?? undefined,
      text,
      files: e.files ?? [],
      isDM: e.channel_type === 'im',
      mentioned: e.type === 'app_mention' || mentionsUser(text, botUserId),
    },
  };
}

/**
 * The conversation a message belongs to, for remembering the last diagnosis. In a DM the
 * top-level conversation is one thread, so "python?" right after an answer is a follow-up.
 */
export function conversationKey(m: InboundMessage): string {
  return `${m.channel}:${m.threadTs ?? (m.isDM ? '' : m.ts)}`;
}

/** Where the reply goes: a channel mention is answered in its thread; a top-level DM in the DM. */
export function replyThreadTs(m: InboundMessage): string | undefined {
  return m.threadTs ?? (m.isDM ? undefined : m.ts);
}
