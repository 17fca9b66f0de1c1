/**
 * The fallback's one retry layer, as small pure functions (the SDK runs with `maxRetries: 0`).
 * Kept apart from the HTTP code so every rule is table-tested without a server.
 */

/** At most this many HTTP requests per fallback call (first try + 2 retries). */
export const MAX_ATTEMPTS = 3;
/** A retry is only worth it if at least this much of the deadline is left after the wait. */
export const MIN_ATTEMPT_MS = 1_000;
/** Statuses that no wait can fix. 401/403 (our key) and 400/404/413 (our request or model id). */
export const NEVER_RETRY_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 413]);
export const SPEND_LIMIT_CODE = 'enforced_spend_limit_reached';

/** What went wrong with one attempt, reduced to what the policy needs. */
export type AttemptFailure =
  | {
      kind: 'http';
      status: number;
      errorType: string | null;
      errorCode: string | null;
      /** From `retry-after-ms` / `retry-after`; null when absent or unusable. */
      retryAfterMs: number | null;
      /** The `x-should-retry` header: true / false when present, else null. */
      shouldRetryHeader: boolean | null;
    }
  | { kind: 'network' } // connection refused / reset
  | { kind: 'attempt_timeout' } // this attempt's timeout fired; the deadline has time left
  | { kind: 'deadline' } // the total deadline fired
  | { kind: 'unexpected' }; // not an API failure (a bug, a malformed body): never retried

export type StopReason = 'overloaded' | 'rate_limited' | 'spend_limit' | 'auth' | 'rejected' | 'timeout' | 'error';

export interface StopInfo {
  reason: StopReason;
  status: number | null;
  errorType: string | null;
  /** When the API said to come back, if it did. */
  retryAfterMs: number | null;
}

export type NextStep = { retry: true; delayMs: number } | { retry: false; stop: StopInfo };

/**
 * Reads `retry-after-ms` (float ms, non-standard but sent by Anthropic) first, then `retry-after`
 * (float seconds or an HTTP date). Returns null for absent, unparsable or non-positive values.
 */
export function parseRetryAfterMs(header: (name: string) => string | null | undefined, nowMs: number): number | null {
  const ms = Number.parseFloat(header('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms > 0) return ms;
  const raw = header('retry-after')?.trim();
  if (!raw) return null;
  if (/^\d+(\.\d+)?$/.test(raw)) {
    const seconds = Number.parseFloat(raw);
    return seconds > 0 ? seconds * 1000 : null;
  }
  const date = Date.parse(raw);
  return Number.isFinite(date) && date > nowMs ? date - nowMs : null;
}

/** A 429 that no wait within a chat reply fixes: the spend cap, or one without any retry time. */
export const isSpendCap = (f: AttemptFailure): boolean =>
  f.kind === 'http' && f.status === 429 && (f.errorCode === SPEND_LIMIT_CODE || f.retryAfterMs === null);

/** Whether a later attempt could succeed, before looking at the clock. */
export function isRetryable(f: AttemptFailure): boolean {
  switch (f.kind) {
    case 'network':
    case 'attempt_timeout':
      return true;
    case 'deadline':
    case 'unexpected':
      return false;
    case 'http':
      if (NEVER_RETRY_STATUSES.has(f.status) || isSpendCap(f)) return false;
      // The server's own word wins over our status table (the SDK does the same).
      if (f.shouldRetryHeader !== null) return f.shouldRetryHeader;
      return f.status === 408 || f.status === 409 || f.status === 429 || f.status >= 500;
  }
}

/** The user-facing category of a failure. */
export function stopReason(f: AttemptFailure): StopReason {
  if (f.kind === 'attempt_timeout' || f.kind === 'deadline') return 'timeout';
  if (f.kind !== 'http') return 'error';
  if (f.status === 429) return f.errorCode === SPEND_LIMIT_CODE ? 'spend_limit' : 'rate_limited';
  if (f.status === 529 || f.status === 503 || f.errorType === 'overloaded_error') return 'overloaded';
  if (f.status === 401 || f.status === 403) return 'auth';
  if (f.status === 408 || f.status === 504) return 'timeout';
  if (f.status >= 400 && f.status < 500) return 'rejected';
  return 'error';
}

/**
 * Exponential backoff with jitter, as the SDK does: 0.5 s doubling per retry, capped at 8 s, then
 * shortened by up to 25% at random so that clients who failed together do not retry together.
 */
export function backoffMs(retryIndex: number, random: () => number): number {
  const base = Math.min(500 * 2 ** retryIndex, 8_000);
  return base * (1 - random() * 0.25);
}

/**
 * After attempt number `attempt` (1-based) failed with `f`: wait `delayMs` and retry, or stop.
 * A `retry-after` that does not fit the remaining budget stops at once rather than waiting past
 * the deadline; the stop then carries the API's retry time so the user learns when to try again.
 */
export function nextStep(
  f: AttemptFailure,
  ctx: { attempt: number; remainingMs: number; random: () => number; maxAttempts?: number },
): NextStep {
  const stop: StopInfo = {
    reason: stopReason(f),
    status: f.kind === 'http' ? f.status : null,
    errorType: f.kind === 'http' ? f.errorType : null,
    retryAfterMs: f.kind === 'http' ? f.retryAfterMs : null,
  };
  if (!isRetryable(f) || ctx.attempt >= (ctx.maxAttempts ?? MAX_ATTEMPTS)) return { retry: false, stop };
  const delayMs = (f.kind === 'http' ? f.retryAfterMs : null) ?? backoffMs(ctx.attempt - 1, ctx.random);
  if (delayMs + MIN_ATTEMPT_MS > ctx.remainingMs) return { retry: false, stop };
  return { retry: true, delayMs };
}
