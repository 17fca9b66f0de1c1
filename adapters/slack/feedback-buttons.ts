import { z } from 'zod';
import type { Diagnosis } from '../../src/contracts';
import { type ButtonElement, LIMITS, type SlackBlock } from './blocks';

/** What a 👍 / 👎 click reports: the catalogue entry that answered and where the answer came from. */
export const FeedbackRefSchema = z.object({
  entry: z.string().max(200).nullable(),
  source: z.enum(['rules', 'model', 'none']),
  /** The answer's review-queue reference, so a 👎 can add its paste to the queue. */
  ref: z.string().max(64).optional(),
});
export type FeedbackRef = z.infer<typeof FeedbackRefSchema>;

/** What the buttons under an answer carry back: its entry, source and review-queue reference. */
export function feedbackRefOf(d: Pick<Diagnosis, 'entry' | 'source' | 'reviewRef'>): FeedbackRef {
  return { entry: d.entry, source: d.source, ...(d.reviewRef ? { ref: d.reviewRef } : {}) };
}

export const FEEDBACK_ACTION = { up: 'feedback_up', down: 'feedback_down' } as const;
export type Vote = keyof typeof FEEDBACK_ACTION;
/** "More detail": posts the answer's details in its thread (more-detail.ts). */
export const MORE_DETAIL_ACTION = 'more_detail';

/** The answer's key in the shared store, as the "More detail" button carries it (hex, from conversation.ts). */
const MORE_KEY = /^[0-9a-f]{16,64}$/;

/**
 * The buttons under an answer: "More detail" (when it has details) and 👍 / 👎. Values round-trip
 * through Slack, so they are parsed again on click.
 */
export function answerActions(ref: FeedbackRef | null, more?: string): SlackBlock {
  const elements: ButtonElement[] = [];
  if (more && MORE_KEY.test(more)) {
    elements.push({ type: 'button', action_id: MORE_DETAIL_ACTION, text: { type: 'plain_text', text: 'More detail', emoji: true }, value: more });
  }
  if (ref) {
    const value = JSON.stringify(ref).slice(0, LIMITS.buttonValue);
    elements.push(
      { type: 'button', action_id: FEEDBACK_ACTION.up, text: { type: 'plain_text', text: ':+1: Helpful', emoji: true }, value },
      { type: 'button', action_id: FEEDBACK_ACTION.down, text: { type: 'plain_text', text: ':-1: Not helpful', emoji: true }, value },
    );
  }
  return { type: 'actions', block_id: 'feedback', elements };
}

/** The key a "More detail" click names, or null when it is not one of ours. */
export function parseMoreValue(value: string | undefined): string | null {
  return value && MORE_KEY.test(value) ? value : null;
}

/** The clicked button's value, or null when it is not ours or was tampered with. */
export function parseFeedbackValue(value: string | undefined): FeedbackRef | null {
  if (!value) return null;
  try {
    const parsed = FeedbackRefSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}
