import { settleWithin } from '../shared/settle';
import { context, type SlackMessage } from './blocks';
import type { ReplyKind } from './metrics';
import { renderFailure } from './render';
import { deleteOne, type PostOutcome, postOne, type Poster, type ReplyTarget, updateOne } from './reply';

/**
 * An answer slower than this (a model call, several screenshots to read) first shows a placeholder.
 * Rules answers take milliseconds, so they never flash one.
 */
export const WORKING_AFTER_MS = 2_000;

export const PLACEHOLDER: SlackMessage = {
  text: 'Looking into this error…',
  blocks: [context([':hourglass_flowing_sand: Looking into this error, the answer will appear here in a moment…'])],
};

/**
 * A public answer that shows it is being worked on: when the work is slow, a short placeholder is
 * posted where the answer will go, and the answer then replaces it in place (`chat.update`). On
 * failure the placeholder becomes the apology, or is deleted: it is never left behind.
 * Ephemeral answers cannot be updated by Slack, so they do not use this.
 */
export class WorkingReply {
  private placeholderTs: string | null = null;
  /** Set when the placeholder could not be posted: the answer would fail the same way. */
  private refused: PostOutcome | null = null;

  constructor(
    private readonly p: Poster,
    private readonly to: ReplyTarget,
    private readonly afterMs: number = WORKING_AFTER_MS,
  ) {}

  /** The value of `work`; if it is not ready within `afterMs`, the placeholder goes up first. */
  async wait<T>(work: Promise<T>): Promise<T> {
    const early = await settleWithin(work, this.afterMs);
    if (early !== null) return early;
    const placed = await postOne(this.p, this.to, PLACEHOLDER, 'working');
    if (placed.ok && placed.ts) this.placeholderTs = placed.ts;
    else this.refused = placed;
    return work;
  }

  /**
   * Sends the reply's messages in order; the first replaces the placeholder when there is one.
   * Returns the outcome of the first message (its error code tells "not in this channel").
   */
  async deliver(messages: SlackMessage[], kind: ReplyKind): Promise<PostOutcome> {
    if (this.refused) return this.refused;
    const [first, ...rest] = messages;
    if (!first) return { ok: false, code: null };
    const outcome = this.placeholderTs ? await this.replacePlaceholder(this.placeholderTs, first, kind) : await postOne(this.p, this.to, first, kind);
    if (!outcome.ok) return outcome;
    for (const message of rest) if (!(await postOne(this.p, this.to, message, kind)).ok) break;
    return outcome;
  }

  private async replacePlaceholder(ts: string, message: SlackMessage, kind: ReplyKind): Promise<PostOutcome> {
    this.placeholderTs = null;
    const updated = await updateOne(this.p, this.to.channel, ts, message, kind);
    if (updated.ok || kind === 'failure') {
      if (!updated.ok) await deleteOne(this.p, this.to.channel, ts);
      return updated;
    }
    // The answer was refused (a Slack limit, a bug of ours): an apology, not "looking into it…" forever.
    if (!(await updateOne(this.p, this.to.channel, ts, renderFailure(), 'failure')).ok) await deleteOne(this.p, this.to.channel, ts);
    return updated;
  }
}
