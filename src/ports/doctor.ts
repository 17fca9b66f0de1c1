import type { ClientId, Diagnosis, Inquiry } from '../contracts';
import type { FeedbackVote } from './review';

/** How one diagnosis may be reached. */
export interface DiagnoseOptions {
  /**
   * Answer from the rules alone: no model call, even when the rules are not confident. For text
   * nobody asked the bot about (a watched help channel), where an unsure answer stays unsent.
   * Such text never enters the review queue: only a confident answer is remembered, for a 👎 on it.
   */
  rulesOnly?: boolean;
}

/** The one entry point adapters use. Adapters translate; everything else lives behind this. */
export interface Doctor {
  /** Diagnose one inquiry. Never throws for bad input: every input gets an answer. */
  diagnose(inquiry: Inquiry, options?: DiagnoseOptions): Promise<Diagnosis>;
  /**
   * A message in a thread the bot already answered. If it only names a client ("I'm on Node",
   * "curl?") the previous diagnosis is re-rendered for that client; otherwise it is a new paste.
   */
  followUp(previous: Diagnosis, inquiry: Inquiry): Promise<Diagnosis>;
  /** Re-render a diagnosis for another client without diagnosing again. */
  renderFor(previous: Diagnosis, client: ClientId): Diagnosis;
  /**
   * A 👍 / 👎 on an answer: counted per catalogue entry in the shared store, and a 👎 adds the
   * paste to the review queue. Adapters dedupe votes (one per user and answer) before calling.
   */
  feedback?(vote: FeedbackVote): Promise<void>;
}
