import type { Vote } from './feedback-buttons';

/** What happened to one incoming Slack event. */
export type EventOutcome =
  /** Passed to the core. */
  | 'handled'
  /** A retry or the second copy of a mention (same event_id, or same channel + ts). */
  | 'duplicate'
  /** Sent by a bot, ourselves included. */
  | 'bot'
  /** Not for us: a channel message outside our threads, an edit, a join... */
  | 'ignored'
  /** The "Diagnose this error" message shortcut (answer in the message's thread). */
  | 'shortcut'
  /** The "Diagnose privately" message shortcut (answer only the user sees). */
  | 'shortcut-private'
  /** A new top-level message in a watched channel, passed to the rules. */
  | 'watched';

export type ReplyKind =
  | 'answer'
  | 'follow-up'
  /** The details of an answer, after "More detail" or "more" under it. */
  | 'details'
  | 'failure'
  | 'private-notes'
  | 'feedback-ack'
  /** "Working on it…", posted when an answer is slow and later replaced by it. */
  | 'working'
  /** The answer to the public message shortcut, in the message's thread. */
  | 'shortcut-answer'
  /** The answer to the private message shortcut (ephemeral). */
  | 'private-answer'
  /** An unasked answer in a watched channel. */
  | 'watch-answer'
  /** A short note to the shortcut's user: invite the bot, already answered, that is my answer. */
  | 'shortcut-note';

/**
 * Counters the operations layer implements (prom-client). Every hook is optional and must not
 * throw; arguments carry no message text.
 */
export interface SlackMetrics {
  eventReceived?(outcome: EventOutcome): void;
  /** One per Slack message posted (a split reply counts each part). */
  replySent?(kind: ReplyKind): void;
  replyFailed?(kind: ReplyKind): void;
  /** `entry` is the catalogue entry id that answered, null when none did. */
  feedbackVote?(vote: Vote, entry: string | null): void;
}
