import type { Inquiry } from '../contracts';

/** One answer as the review queue sees it: redacted text and what answered it. */
export interface ReviewSample {
  /** Why it belongs in the queue now, or null: kept only in case a 👎 comes later. */
  reason: 'unrecognised' | 'hedged' | null;
  /** The redacted, normalized paste. */
  text: string;
  /** The part of it the error is in (the signature is taken from this). */
  focus: string;
  entry: string | null;
  client: string | null;
}

/**
 * The review queue (src/review): pastes the catalogue could not answer well, kept redacted and
 * grouped, so a maintainer can turn them into entries. Never throws at the caller.
 */
export interface ReviewSink {
  /** Records an answer; returns a reference a 👎 on that answer can name, or null. */
  answered(sample: ReviewSample): Promise<string | null>;
  /** A 👎 on the answer `ref` (as the button carried it: untrusted) adds its paste to the queue. */
  thumbsDown(ref: string): Promise<void>;
}

/** A 👍 / 👎 on an answer, as an adapter received it. Every field came back from the platform: untrusted. */
export interface FeedbackVote {
  vote: 'up' | 'down';
  /** The catalogue entry the answer came from, as the button carried it. */
  entry: string | null;
  /** The answer's review reference, as the button carried it. */
  ref?: string;
  platform: Inquiry['platform'];
}
