import type { Category, Signals } from '../contracts';

/** What the core gives the model fallback: redacted text only, never the raw paste. */
export interface FallbackRequest {
  /** Redacted, normalized paste. */
  text: string;
  signals: Signals;
  candidates: ReadonlyArray<{ entry: string; category: Category; confidence: number }>;
  /** The second opinion's strong neighbour, when there is one: a hint, never the answer. */
  neighbour?: { category: Category; entry: string | null; similarity: number };
  user: string;
  /** Cache key: the normalized paste. */
  cacheKey: string;
}

/** Why the model gave no answer. Every reason comes with a one-line `message` for the user. */
export type FallbackUnavailableReason =
  | 'disabled' // no ANTHROPIC_API_KEY: no request is made
  | 'overloaded' // 529 (or 503) from the API
  | 'rate_limited' // 429 with a retry time that does not fit the deadline, or none at all
  | 'spend_limit' // 429 enforced_spend_limit_reached: the operator's monthly cap
  | 'auth' // 401 / 403: the bot's own key
  | 'rejected' // 400 / 404 / 413 and other 4xx: the request or the model id was refused
  | 'timeout' // the total deadline (or every attempt) ran out
  | 'invalid_answer' // the answer broke the schema, named no known entry, or echoed the prompt
  | 'refused' // stop_reason "refusal"
  | 'quota' // this user's per-minute model budget is used up
  | 'busy' // too many model calls waiting already
  | 'unsafe_input' // the paste still looked like it held a secret, so it was not sent
  | 'error'; // connection failure, 5xx or anything unexpected

export type FallbackOutcome =
  | {
      kind: 'answer';
      model: string;
      /** Catalogue entry id the model picked, or null for "none". */
      entry: string | null;
      status: number | null;
      type: string | null;
      category: Category | null;
      explanation: string;
      fix: string[];
      confidence: number;
      /** True when the answer came from the cache (no request was made). */
      cached?: boolean;
    }
  | {
      kind: 'unavailable';
      /** Machine reason, for metrics. */
      reason: FallbackUnavailableReason;
      /** One line for the user ("the model was rate limited; try again at 14:02:10 UTC"). */
      message: string;
      /** When trying again makes sense, if known (from retry-after or the user's quota). */
      retryAfterSeconds?: number | null;
    };

export interface ModelFallback {
  readonly enabled: boolean;
  explain(request: FallbackRequest): Promise<FallbackOutcome>;
}
