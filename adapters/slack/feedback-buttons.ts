import { z } from 'zod';
import type { Diagnosis } from '../../src/contracts';
import { LIMITS, type SlackBlock } from './blocks';

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

/** The buttons block. The value round-trips through Slack, so it is parsed again on click. */
export function feedbackActions(ref: FeedbackRef): SlackBlock {
  const value = JSON.stringify(ref).slice(0, LIMITS.buttonValue);
  return {
    type: 'actions',
    block_id: 'feedback',
    elements: [
      { type: 'button', action_id: FEEDBACK_ACTION.up, text: { type: 'plain_text', text: ':+1: Helpful', emoji: true }, value },
      { type: 'button', action_id: FEEDBACK_ACTION.down, text: { type: 'plain_text', text: ':-1: Not helpful', emoji: true }, value },
    ],
  };
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
