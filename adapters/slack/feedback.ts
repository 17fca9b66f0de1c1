import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Doctor, Logger, SharedStore } from '../../src/ports';
import { escapeMrkdwn } from './mrkdwn';
import { FEEDBACK_ACTION, parseFeedbackValue, type Vote } from './feedback-buttons';
import type { SlackMetrics } from './metrics';
import { postEphemeral } from './reply';
import { VOTE_TTL_MS } from './store';

const ClickSchema = z.object({
  user: z.object({ id: z.string() }),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ message_ts: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});

export interface FeedbackDeps {
  /** One vote per user and answer, on every replica. */
  store: SharedStore;
  /** Counts the vote; a 👎 puts the paste in the review queue. */
  doctor: Pick<Doctor, 'feedback'>;
  logger: Logger;
  metrics: SlackMetrics;
}

/** 👍 / 👎 on an answer: acknowledged at once, counted by catalogue entry, thanked privately; a 👎 goes to the review queue. */
export function registerFeedback(app: App, deps: FeedbackDeps): void {
  app.action(new RegExp(`^(${FEEDBACK_ACTION.up}|${FEEDBACK_ACTION.down})$`), async ({ ack, body, client }) => {
    await ack();
    const click = ClickSchema.safeParse(body);
    if (!click.success) {
      deps.logger.warn({ issues: click.error.issues.length }, 'slack feedback click with an unexpected shape');
      return;
    }
    const { user, channel, container, message, actions } = click.data;
    const action = actions[0]!;
    const vote: Vote = action.action_id === FEEDBACK_ACTION.up ? 'up' : 'down';
    const ref = parseFeedbackValue(action.value);
    const messageTs = message?.ts ?? container?.message_ts ?? 'unknown';
    const first = await deps.store.claim(`slack:vote:${channel?.id ?? ''}:${messageTs}:${user.id}`, VOTE_TTL_MS);
    if (first) {
      deps.metrics.feedbackVote?.(vote, ref?.entry ?? null);
      deps.logger.info({ vote, entry: ref?.entry ?? null, source: ref?.source ?? null, messageTs }, 'slack feedback');
      await deps.doctor.feedback?.({ vote, entry: ref?.entry ?? null, ...(ref?.ref ? { ref: ref.ref } : {}), platform: 'slack' });
    }
    if (!channel) return;
    const text = first
      ? `Thanks for the feedback ${vote === 'up' ? ':+1:' : ':-1:'}, it is recorded${ref?.entry ? ` for \`${escapeMrkdwn(ref.entry)}\`` : ''}.`
      : 'You already rated this answer. Thanks!';
    const threadTs = message?.thread_ts ?? container?.thread_ts;
    await postEphemeral(
      { client, logger: deps.logger, metrics: deps.metrics },
      { channel: channel.id, threadTs, user: user.id },
      [{ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }],
      'feedback-ack',
    );
  });
}
