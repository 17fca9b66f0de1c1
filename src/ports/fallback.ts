import type { Category, Signals } from '../contracts';

/** What the core gives the model fallback: redacted text only, never the raw paste. */
export interface FallbackRequest {
  /** Redacted, normalized paste. */
  text: string;
  signals: Signals;
  candidates: ReadonlyArray<{ entry: string; category: Category; confidence: number }>;
  user: string;
  /** Cache key: the normalized paste. */
  cacheKey: string;
}

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
    }
  | {
      kind: 'unavailable';
      /** Machine reason, for metrics. */
      reason: 'disabled' | 'overloaded' | 'rate_limited' | 'auth' | 'timeout' | 'invalid_answer' | 'quota' | 'error';
      /** One line for the user ("the model was rate limited; try again at 14:02:10 UTC"). */
      message: string;
    };

export interface ModelFallback {
  readonly enabled: boolean;
  explain(request: FallbackRequest): Promise<FallbackOutcome>;
}
