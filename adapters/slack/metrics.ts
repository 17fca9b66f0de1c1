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
  | 'ignored';

export type ReplyKind = 'answer' | 'follow-up' | 'details' | 'failure' | 'private-notes' | 'feedback-ack';

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
