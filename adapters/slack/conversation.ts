import type { webApi } from '@slack/bolt';
import type { Diagnosis } from '../../src/contracts';
import { asksForDetails } from '../../src/doctor/follow-up';
import type { Doctor, Logger, SharedStore } from '../../src/ports';
import type { AnswerMemory, ConversationMemory } from '../../src/store';
import { feedbackRefOf } from './feedback-buttons';
import type { DownloadOptions } from './files';
import { conversationKey, type InboundMessage, replyThreadTs } from './inbound';
import { buildInquiry } from './inquiry';
import type { SlackMetrics } from './metrics';
import { renderDetails, renderFailure, renderPrivateNotes, renderReply } from './render';
import { postEphemeral, type Poster, type ReplyTarget } from './reply';
import { DEDUPE_TTL_MS } from './store';
import { WorkingReply } from './working';

export interface ConversationDeps {
  doctor: Doctor;
  /** Claims a delivery, so only one copy (and one replica) answers it. */
  store: SharedStore;
  /** The last diagnosis per conversation the bot answered (see `conversationKey`). */
  answered: ConversationMemory;
  /** Each answer by the key its "More detail" button carries (more-detail.ts). */
  answers: AnswerMemory;
  download: Omit<DownloadOptions, 'lookup'>;
  logger: Logger;
  metrics: SlackMetrics;
  /** A slower answer first shows a placeholder (WORKING_AFTER_MS by default). */
  workingAfterMs?: number;
}

/**
 * Claims a message for one answer, on every replica. The key is the message itself, so a mention
 * delivered twice (app_mention and message) and a watched channel's post are each answered once.
 */
export function claimMessage(store: SharedStore, m: InboundMessage): Promise<boolean> {
  return store.claim(`slack:msg:${m.channel}:${m.ts}`, DEDUPE_TTL_MS);
}

/**
 * One user message, from "is this for us?" to the posted answer. Runs after Slack has been
 * acknowledged, so it may take as long as the core needs.
 */
export async function handleMessage(
  m: InboundMessage,
  client: webApi.WebClient,
  botUserId: string | undefined,
  deps: ConversationDeps,
): Promise<void> {
  const key = conversationKey(m);
  const previous = await deps.answered.get(key);
  // In a channel we only speak when addressed: a mention, or a reply in a thread we answered.
  if (!m.isDM && !m.mentioned && !previous) {
    deps.metrics.eventReceived?.('ignored');
    return;
  }
  // One mention arrives twice (app_mention and message.channels): the first copy wins.
  if (!(await claimMessage(deps.store, m))) {
    deps.metrics.eventReceived?.('duplicate');
    return;
  }
  deps.metrics.eventReceived?.('handled');

  const poster: Poster = { client, logger: deps.logger, metrics: deps.metrics };
  const target: ReplyTarget = { channel: m.channel, threadTs: replyThreadTs(m), user: m.user };
  const started = Date.now();
  const working = new WorkingReply(poster, target, deps.workingAfterMs);
  let diagnosis: Diagnosis;
  let notes: string[];
  try {
    const outcome = await working.wait(
      (async () => {
        const built = await buildInquiry(m, { client, botUserId, download: deps.download, logger: deps.logger }, !!previous);
        // "more" / "details" under an answer: its details, as the button would post them.
        if (previous && (built.inquiry.images?.length ?? 0) === 0 && asksForDetails(built.inquiry.text)) return { kind: 'details' as const, of: previous };
        const d = previous ? await deps.doctor.followUp(previous, built.inquiry) : await deps.doctor.diagnose(built.inquiry);
        return { kind: 'answer' as const, diagnosis: d, notes: built.notes };
      })(),
    );
    if (outcome.kind === 'details') {
      await working.deliver(renderDetails(outcome.of.document), 'details');
      deps.logger.info({ channel: m.channel, ts: m.ts, entry: outcome.of.entry, elapsedMs: Date.now() - started }, 'slack details posted');
      return;
    }
    ({ diagnosis, notes } = outcome);
  } catch (error) {
    deps.logger.error({ err: error, channel: m.channel, ts: m.ts }, 'slack diagnosis failed');
    await working.deliver([renderFailure()], 'failure');
    return;
  }

  const audience = m.isDM ? 'dm' : 'channel';
  const more = await deps.answers.keepForDetails(diagnosis, deps.logger);
  const messages = renderReply(diagnosis.document, { audience, extraNotes: notes, feedback: feedbackRefOf(diagnosis), ...(more ? { more } : {}) });
  const sent = (await working.deliver(messages, previous ? 'follow-up' : 'answer')).ok;
  if (sent) await deps.answered.set(key, diagnosis);
  if (audience === 'channel' && diagnosis.document.privateNotes.length > 0) {
    await postEphemeral(poster, target, renderPrivateNotes(diagnosis.document.privateNotes), 'private-notes');
  }
  deps.logger.info(
    {
      channel: m.channel,
      ts: m.ts,
      entry: diagnosis.entry,
      category: diagnosis.category,
      source: diagnosis.source,
      followUp: !!previous,
      parts: messages.length,
      elapsedMs: Date.now() - started,
    },
    'slack answered',
  );
}
