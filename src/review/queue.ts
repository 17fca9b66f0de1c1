import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type Logger, type ReviewSample, type ReviewSink, type SharedStore, silentLogger } from '../ports';
import { type ReviewGroup, type ReviewItem, type ReviewLimits, type ReviewStorage, withinLimits } from './schema';
import { reviewSignature } from './signature';

/** How long an answer can still be voted into the queue with 👎. */
export const VOTE_WINDOW_MS = 24 * 3_600_000;
/** The example kept per group: enough to recognise the error, not a whole log. */
const MAX_EXAMPLE = 2_000;
/** What a 👎 reference looks like: anything else from a button is ignored. */
const REF = /^[0-9a-f]{16}$/;

const RememberedSchema = z.object({
  text: z.string(),
  focus: z.string(),
  entry: z.string().nullable(),
  client: z.string().nullable(),
});

export interface ReviewQueueOptions {
  storage: ReviewStorage;
  /** Holds answers for `VOTE_WINDOW_MS`, so a 👎 on any replica finds the paste. */
  store: SharedStore;
  limits: ReviewLimits;
  logger?: Logger;
  now?: () => number;
}

/**
 * The review queue: "I don't recognise this" answers, hedged answers and 👎 votes, redacted and
 * grouped by a folded signature (`npm run review` lists the largest groups). Failures are logged
 * and swallowed: a reply never waits on, or fails because of, the queue.
 */
export class ReviewQueue implements ReviewSink {
  private readonly logger: Logger;
  private readonly now: () => number;

  constructor(private readonly o: ReviewQueueOptions) {
    this.logger = o.logger ?? silentLogger;
    this.now = o.now ?? Date.now;
  }

  get where(): string {
    return this.o.storage.where;
  }

  async answered(sample: ReviewSample): Promise<string | null> {
    const ref = randomBytes(8).toString('hex');
    const remembered = { text: sample.text.slice(0, MAX_EXAMPLE), focus: sample.focus.slice(0, MAX_EXAMPLE), entry: sample.entry, client: sample.client };
    try {
      await this.o.store.set(`review:answer:${ref}`, remembered, VOTE_WINDOW_MS);
      if (sample.reason) await this.add(remembered, sample.reason);
      return ref;
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, review: this.where }, 'review queue: could not record an answer');
      return null;
    }
  }

  async thumbsDown(ref: string): Promise<void> {
    if (!REF.test(ref)) return;
    try {
      const parsed = RememberedSchema.safeParse(await this.o.store.get(`review:answer:${ref}`));
      if (!parsed.success) {
        this.logger.debug({ ref }, 'review queue: the voted answer is no longer remembered');
        return;
      }
      // One 👎 per answer enters the queue, however many people click it.
      if (await this.o.store.claim(`review:voted:${ref}`, VOTE_WINDOW_MS)) await this.add(parsed.data, 'thumbs-down');
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, review: this.where }, 'review queue: could not record a vote');
    }
  }

  /** The groups, most pastes first (ties: most recent first). */
  async largest(limit = Number.POSITIVE_INFINITY): Promise<ReviewGroup[]> {
    const groups = withinLimits(await this.o.storage.groups(this.o.limits, this.now()), this.o.limits, this.now());
    return groups.sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen)).slice(0, limit);
  }

  private add(sample: z.infer<typeof RememberedSchema>, reason: ReviewItem['reason']): Promise<void> {
    const { signature, id } = reviewSignature(sample.focus.trim() || sample.text);
    const item: ReviewItem = { id, signature, example: sample.text, reason, entry: sample.entry, client: sample.client };
    return this.o.storage.add(item, this.o.limits, this.now());
  }
}
