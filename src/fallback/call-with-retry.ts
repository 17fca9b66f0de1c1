import { performance } from 'node:perf_hooks';
import { classifyError } from './classify-error';
import { type AttemptFailure, nextStep, type StopInfo } from './retry-policy';

export interface RetryLoopOptions {
  /** Fires at the total deadline; also wakes a retry wait early. */
  deadline: AbortSignal;
  /** `performance.now()` value at which `deadline` fires. */
  deadlineAt: number;
  attemptTimeoutMs: number;
  /** Wall clock (ms since epoch), for `retry-after` HTTP dates. */
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  onRetry?: (failure: AttemptFailure, delayMs: number, attempt: number) => void;
  /** At most this many attempts (default: the policy's MAX_ATTEMPTS). */
  maxAttempts?: number;
}

export type RetryLoopResult<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; stop: StopInfo; attempts: number; cause: unknown };

const deadlineStop: StopInfo = { reason: 'timeout', status: null, errorType: null, retryAfterMs: null };

/**
 * Runs `attempt` until it succeeds, the policy says stop, or the deadline passes. Each attempt gets
 * a signal that fires at min(per-attempt timeout, time left), and the same number as `timeoutMs`
 * for the SDK's own timer: the SDK's timer covers waiting for headers, our signal also covers
 * reading the body.
 */
export async function callWithRetry<T>(
  attempt: (signal: AbortSignal, timeoutMs: number) => Promise<T>,
  options: RetryLoopOptions,
): Promise<RetryLoopResult<T>> {
  for (let n = 1; ; n += 1) {
    const remaining = Math.floor(options.deadlineAt - performance.now());
    if (remaining <= 0 || options.deadline.aborted) {
      return { ok: false, stop: deadlineStop, attempts: n - 1, cause: new Error('fallback deadline passed') };
    }
    const timeoutMs = Math.min(options.attemptTimeoutMs, remaining);
    const signal = AbortSignal.any([options.deadline, AbortSignal.timeout(timeoutMs)]);
    try {
      return { ok: true, value: await attempt(signal, timeoutMs), attempts: n };
    } catch (error) {
      const failure = classifyError(error, { deadline: options.deadline, nowMs: options.now() });
      const step = nextStep(failure, {
        attempt: n,
        remainingMs: options.deadlineAt - performance.now(),
        random: options.random,
        maxAttempts: options.maxAttempts,
      });
      if (!step.retry) return { ok: false, stop: step.stop, attempts: n, cause: error };
      options.onRetry?.(failure, step.delayMs, n);
      await options.sleep(step.delayMs, options.deadline);
    }
  }
}
