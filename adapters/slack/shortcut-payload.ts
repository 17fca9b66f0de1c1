import { z } from 'zod';
import { type InboundMessage, SlackFileSchema } from './inbound';

/** Callback ids of the two message shortcuts (adapters/slack/manifest.yaml). */
export const SHORTCUT = { inThread: 'diagnose_error', privately: 'diagnose_error_private' } as const;

/** The fields of a `message_action` payload we read (Slack sends the whole target message); parsed, never trusted. */
export const ShortcutSchema = z.object({
  callback_id: z.string(),
  action_ts: z.string().optional(),
  response_url: z.string().optional(),
  user: z.object({ id: z.string(), team_id: z.string().nullish() }),
  team: z.object({ id: z.string() }).nullish(),
  channel: z.object({ id: z.string() }),
  message: z.object({
    ts: z.string(),
    thread_ts: z.string().nullish(),
    text: z.string().nullish(),
    user: z.string().nullish(),
    bot_id: z.string().nullish(),
    files: z.array(SlackFileSchema).nullish(),
  }),
});
export type Shortcut = z.infer<typeof ShortcutSchema>;

/** The target message as the conversation code reads messages; the shortcut's user is the asker. */
export function inboundOf(s: Shortcut): InboundMessage {
  return {
    channel: s.channel.id,
    ts: s.message.ts,
    threadTs: s.message.thread_ts ?? undefined,
    user: s.user.id,
    team: s.team?.id ?? s.user.team_id ?? undefined,
    text: s.message.text ?? '',
    files: s.message.files ?? [],
    // DM conversation ids start with D; an answer there goes to the conversation, not a thread.
    isDM: s.channel.id.startsWith('D'),
    mentioned: true,
  };
}

