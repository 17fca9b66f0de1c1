import type { App } from '@slack/bolt';
import type { Logger, SharedStore } from '../../src/ports';
import type { AnswerMemory } from '../../src/store';
import { ClickSchema } from './click';
import { MORE_DETAIL_ACTION, parseMoreValue } from './feedback-buttons';
import type { SlackMetrics } from './metrics';
import { renderDetails } from './render';
import { postEphemeral, postPublic } from './reply';
import { DEDUPE_TTL_MS } from './store';

export interface MoreDetailDeps {
  /** Each answer by the key its button carries (conversation.ts keeps them). */
  answers: AnswerMemory;
  /** One details post per answer, on every replica. */
  store: SharedStore;
  logger: Logger;
  metrics: SlackMetrics;
}

export const GONE = "I no longer have that answer's details (they are kept for 12 hours). Paste the error again for a fresh answer.";
export const ALREADY_POSTED = 'The details are already in this thread.';

/**
 * "More detail" under an answer: acknowledged at once, then the answer's details are posted in its
 * thread (in a DM, under it) for everyone who saw the answer — once per answer, however often it is
 * clicked. A private answer never gets here: Slack answers are public in channels and private in DMs.
 */
export function registerMoreDetail(app: App, deps: MoreDetailDeps): void {
  app.action(MORE_DETAIL_ACTION, async ({ ack, body, client }) => {
    await ack();
    const click = ClickSchema.safeParse(body);
    if (!click.success || !click.data.channel) {
      deps.logger.warn({ issues: click.success ? 0 : click.error.issues.length }, 'slack "More detail" click with an unexpected shape');
      return;
    }
    const { user, channel, container, message, actions } = click.data;
    const messageTs = message?.ts ?? container?.message_ts;
    // The answer sits in the thread of the question; a top-level answer in a DM is followed at the top level.
    const threadTs = message?.thread_ts ?? container?.thread_ts ?? (channel.id.startsWith('D') ? undefined : messageTs);
    const poster = { client, logger: deps.logger, metrics: deps.metrics };
    const privately = (text: string) =>
      postEphemeral(poster, { channel: channel.id, threadTs, user: user.id }, [{ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }], 'details');
    const key = parseMoreValue(actions[0]!.value);
    const diagnosis = key ? await deps.answers.get(key) : null;
    if (!diagnosis) {
      await privately(GONE);
      return;
    }
    if (!(await deps.store.claim(`slack:more:${channel.id}:${messageTs ?? key}`, DEDUPE_TTL_MS))) {
      await privately(ALREADY_POSTED);
      return;
    }
    await postPublic(poster, { channel: channel.id, threadTs, user: user.id }, renderDetails(diagnosis.document), 'details');
    deps.logger.info({ channel: channel.id, messageTs, entry: diagnosis.entry }, 'slack details posted');
  });
}
