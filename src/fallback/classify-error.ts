import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { type AttemptFailure, parseRetryAfterMs } from './retry-policy';

/**
 * Turns whatever one SDK call threw into the policy's vocabulary. Which signal fired decides
 * between "this attempt took too long" (retryable) and "the whole call ran out of time" (stop).
 */
export function classifyError(error: unknown, ctx: { deadline: AbortSignal; nowMs: number }): AttemptFailure {
  if (ctx.deadline.aborted) return { kind: 'deadline' };
  // Order matters: the abort and timeout classes extend APIError / APIConnectionError.
  if (error instanceof APIUserAbortError || error instanceof APIConnectionTimeoutError) return { kind: 'attempt_timeout' };
  if (error instanceof APIConnectionError) return { kind: 'network' };
  if (error instanceof APIError && typeof error.status === 'number') {
    const header = (name: string) => error.headers?.get(name) ?? null;
    const shouldRetry = header('x-should-retry');
    return {
      kind: 'http',
      status: error.status,
      errorType: error.type ?? null,
      errorCode: error.errorCode ?? null,
      retryAfterMs: parseRetryAfterMs(header, ctx.nowMs),
      shouldRetryHeader: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : null,
    };
  }
  // An abort while the body was still being read surfaces as a bare DOM AbortError / TimeoutError.
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return { kind: 'attempt_timeout' };
  }
  return { kind: 'unexpected' };
}
