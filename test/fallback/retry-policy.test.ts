import { describe, expect, it } from 'vitest';
import {
  type AttemptFailure,
  backoffMs,
  isRetryable,
  MAX_ATTEMPTS,
  nextStep,
  parseRetryAfterMs,
  stopReason,
} from '../../src/fallback/retry-policy';

const NOW = Date.parse('2026-12-01T14:00:00Z');
const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;
const http = (status: number, extra: Partial<Extract<AttemptFailure, { kind: 'http' }>> = {}): AttemptFailure => ({
  kind: 'http',
  status,
  errorType: null,
  errorCode: null,
  retryAfterMs: null,
  shouldRetryHeader: null,
  ...extra,
});
const noJitter = () => 0;

describe('parseRetryAfterMs', () => {
  it.each([
    [{ 'retry-after': '1' }, 1000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250], // -ms wins
    [{ 'retry-after-ms': 'soon', 'retry-after': '2' }, 2000], // unusable -ms falls through
    [{ 'retry-after': 'Tue, 01 Dec 2026 14:00:30 GMT' }, 30_000], // HTTP date
    [{ 'retry-after': 'Tue, 01 Dec 2026 13:59:00 GMT' }, null], // date in the past
    [{ 'retry-after': '0' }, null],
    [{ 'retry-after': '-3' }, null],
    [{ 'retry-after': 'later' }, null],
    [{}, null],
  ])('%j -> %s ms', (h, expected) => {
    expect(parseRetryAfterMs(headers(h), NOW)).toBe(expected);
  });
});

describe('isRetryable and stopReason', () => {
  it.each<[string, AttemptFailure, boolean, string]>([
    ['429 with retry-after', http(429, { retryAfterMs: 1000 }), true, 'rate_limited'],
    ['429 without retry-after (treated as a cap)', http(429), false, 'rate_limited'],
    ['429 spend cap', http(429, { errorCode: 'enforced_spend_limit_reached', retryAfterMs: 1000 }), false, 'spend_limit'],
    ['529 overloaded', http(529, { errorType: 'overloaded_error' }), true, 'overloaded'],
    ['503', http(503), true, 'overloaded'],
    ['500', http(500), true, 'error'],
    ['408', http(408), true, 'timeout'],
    ['409', http(409), true, 'rejected'],
    ['400', http(400), false, 'rejected'],
    ['401', http(401), false, 'auth'],
    ['403', http(403), false, 'auth'],
    ['404 (model id)', http(404), false, 'rejected'],
    ['413', http(413), false, 'rejected'],
    ['422', http(422), false, 'rejected'],
    ['500 + x-should-retry: false', http(500, { shouldRetryHeader: false }), false, 'error'],
    ['529 + x-should-retry: false', http(529, { shouldRetryHeader: false }), false, 'overloaded'],
    ['422 + x-should-retry: true', http(422, { shouldRetryHeader: true }), true, 'rejected'],
    ['400 + x-should-retry: true (never-retry list wins)', http(400, { shouldRetryHeader: true }), false, 'rejected'],
    ['401 + x-should-retry: true', http(401, { shouldRetryHeader: true }), false, 'auth'],
    ['connection error', { kind: 'network' }, true, 'error'],
    ['attempt timeout', { kind: 'attempt_timeout' }, true, 'timeout'],
    ['deadline', { kind: 'deadline' }, false, 'timeout'],
    ['unexpected', { kind: 'unexpected' }, false, 'error'],
  ])('%s', (_name, failure, retryable, reason) => {
    expect(isRetryable(failure)).toBe(retryable);
    expect(stopReason(failure)).toBe(reason);
  });
});

describe('backoffMs', () => {
  it.each([
    [0, 375, 500],
    [1, 750, 1000],
    [2, 1500, 2000],
    [10, 6000, 8000], // capped at 8 s
  ])('retry %i waits between %i and %i ms', (index, low, high) => {
    expect(backoffMs(index, () => 0)).toBe(high);
    expect(backoffMs(index, () => 1)).toBe(low);
    const jittered = backoffMs(index, Math.random);
    expect(jittered).toBeGreaterThanOrEqual(low);
    expect(jittered).toBeLessThanOrEqual(high);
  });
});

describe('nextStep', () => {
  it('waits exactly the retry-after when it fits the remaining budget', () => {
    expect(nextStep(http(429, { retryAfterMs: 1000 }), { attempt: 1, remainingMs: 29_000, random: noJitter })).toEqual({
      retry: true,
      delayMs: 1000,
    });
  });

  it('stops at once when the retry-after does not fit, and passes the retry time on', () => {
    const step = nextStep(http(429, { retryAfterMs: 600_000 }), { attempt: 1, remainingMs: 29_000, random: noJitter });
    expect(step).toEqual({
      retry: false,
      stop: { reason: 'rate_limited', status: 429, errorType: null, retryAfterMs: 600_000 },
    });
  });

  it('backs off exponentially without a retry-after', () => {
    expect(nextStep(http(529), { attempt: 1, remainingMs: 29_000, random: noJitter })).toEqual({ retry: true, delayMs: 500 });
    expect(nextStep(http(529), { attempt: 2, remainingMs: 29_000, random: noJitter })).toEqual({ retry: true, delayMs: 1000 });
  });

  it(`never makes more than ${MAX_ATTEMPTS} attempts`, () => {
    const step = nextStep(http(529), { attempt: MAX_ATTEMPTS, remainingMs: 29_000, random: noJitter });
    expect(step.retry).toBe(false);
  });

  it('stops when even the backoff would leave no time for another attempt', () => {
    expect(nextStep(http(500), { attempt: 1, remainingMs: 1_200, random: noJitter }).retry).toBe(false);
  });

  it('never retries a non-retryable status, however much time is left', () => {
    for (const status of [400, 401, 403, 404, 413]) {
      expect(nextStep(http(status), { attempt: 1, remainingMs: 60_000, random: noJitter }).retry).toBe(false);
    }
  });
});
