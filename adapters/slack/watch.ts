import type { webApi } from '@slack/bolt';
import { takeWatchAnswer, worthAnsweringUnasked } from '../shared/watch-policy';
import { claimMessage, type ConversationDeps } from './conversation';
import { feedbackRefOf } from './feedback-buttons';
import { kindOf } from './files';
import { conversationKey, type InboundMessage } from './inbound';
import { buildInquiry } from './inquiry';
import { renderPrivateNotes, renderReply } from './render';
import { postEphemeral, postPublic, type Poster, type ReplyTarget } from './reply';

/** Same lifetime as the thread memory for follow-ups. */
const QUIET_TTL_MS = 12 * 3_600_000;

/**
 * Watched help channels (SLACK_WATCH_CHANNELS): every new top-level message is read by the rules,
 * and answered in its thread only when they are confident. Nobody asked, so everything else —
 * chit-chat, an unknown error, a screenshot, a thread reply — gets silence, never "I don't know".
 */
export class SlackWatch {
  private readonly channels: ReadonlySet<string>;

  constructor(
    channels: readonly string[],
    private readonly perHour: number,
    private readonly deps: ConversationDeps,
  ) {
    this.channels = new Set(channels);
  }

  /**
   * True for messages this watch decides about: unaddressed top-level messages in a watched
   * channel, and unaddressed replies in threads it answered (which it leaves alone), whichever
   * replica answered them.
   */
  async owns(m: InboundMessage): Promise<boolean> {
    if (m.isDM || m.mentioned || !this.channels.has(m.channel)) return false;
    return isTopLevel(m) || (await this.deps.store.get(quietKey(m))) !== null;
  }

  async handle(m: InboundMessage, client: webApi.WebClient, botUserId: string | undefined): Promise<void> {
    const { deps } = this;
    if (!isTopLevel(m)) {
      deps.metrics.eventReceived?.('ignored');
      return;
    }
    // The same key as a mention's: one message is answered once, whichever way it arrived.
    if (!(await claimMessage(deps.store, m))) {
      deps.metrics.eventReceived?.('duplicate');
      return;
    }
    deps.metrics.eventReceived?.('watched');
    // Screenshots are read only on request: OCR is one worker, kept for people who asked.
    const readable: InboundMessage = { ...m, files: m.files.filter((f) => kindOf(f) === 'text') };
    if (readable.text.trim() === '' && readable.files.length === 0) return;

    const built = await buildInquiry(readable, { client, botUserId, download: deps.download, logger: deps.logger }, false);
    const diagnosis = await deps.doctor.diagnose(built.inquiry, { rulesOnly: true });
    if (!worthAnsweringUnasked(diagnosis)) {
      deps.logger.debug({ channel: m.channel, ts: m.ts, source: diagnosis.source, confidence: diagnosis.confidence }, 'slack watch: not confident, staying silent');
      return;
    }
    if (!(await takeWatchAnswer(deps.store, `slack:${m.channel}`, this.perHour))) {
      deps.logger.info({ channel: m.channel, ts: m.ts, entry: diagnosis.entry }, 'slack watch: channel answer limit reached, staying silent');
      return;
    }

    const poster: Poster = { client, logger: deps.logger, metrics: deps.metrics };
    const target: ReplyTarget = { channel: m.channel, threadTs: m.ts, user: m.user };
    const more = await deps.answers.keepForDetails(diagnosis, deps.logger);
    const messages = renderReply(diagnosis.document, { audience: 'channel', feedback: feedbackRefOf(diagnosis), ...(more ? { more } : {}) });
    if (!(await postPublic(poster, target, messages, 'watch-answer'))) return;
    // A mention in the thread can still ask for another client ("@error-doctor python?").
    await deps.answered.set(conversationKey(m), diagnosis);
    await deps.store.set(quietKey(m), true, QUIET_TTL_MS);
    if (diagnosis.document.privateNotes.length > 0) {
      await postEphemeral(poster, target, renderPrivateNotes(diagnosis.document.privateNotes), 'private-notes');
    }
    deps.logger.info({ channel: m.channel, ts: m.ts, entry: diagnosis.entry, category: diagnosis.category, parts: messages.length }, 'slack watch answered');
  }
}

/** Marks a thread this watch answered: replies there stay unanswered unless they mention the bot. */
function quietKey(m: InboundMessage): string {
  return `slack:watch-answered:${conversationKey(m)}`;
}

/** A message that starts a thread rather than replying in one. */
function isTopLevel(m: InboundMessage): boolean {
  return m.threadTs === undefined || m.threadTs === m.ts;
}
