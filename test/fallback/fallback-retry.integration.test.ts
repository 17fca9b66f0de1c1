import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import {
  answerForcedTool,
  badRequest,
  errorReply,
  type FakeAnthropic,
  hang,
  invalidApiKey,
  messageRequests,
  overloaded,
  rateLimited,
  spendLimitReached,
  stallBody,
  startFakeAnthropic,
  toolUseReply,
} from '../fakes/anthropic';
import { fallbackRequest, pickAnswer } from './support/fixtures';
import { fallbackFor, recordingLogger, recordingMetrics, TEST_KEY } from './support/harness';

/**
 * The real SDK against a loopback fake of the Messages API: what one fallback call does when the
 * API says 429, 529, 400, 401, hangs, or says not to retry.
 */
let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('retry and deadline, against the real SDK', () => {
  it('retries a 429 with retry-after: 1 no sooner than 1 s later, and answers', async () => {
    fake = await startFakeAnthropic({ script: [rateLimited(1), answerForcedTool(pickAnswer())] });
    const outcome = await fallbackFor(fake).explain(fallbackRequest());
    expect(outcome).toMatchObject({ kind: 'answer', entry: 'network-timeout' });
    const [first, second] = messageRequests(fake);
    expect(messageRequests(fake)).toHaveLength(2);
    // 1 ms of slack for timer granularity between the SDK's clock and the fake's.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(999);
    // One retry layer: the SDK itself never retried (its own counter stays at 0).
    expect(messageRequests(fake).map((r) => r.retryCount)).toEqual([0, 0]);
  });

  it('gives up after three 529s with a degraded outcome within the deadline', async () => {
    fake = await startFakeAnthropic({ script: [overloaded(), overloaded(), overloaded(), overloaded()] });
    const { metrics, calls } = recordingMetrics();
    const started = performance.now();
    const outcome = await fallbackFor(fake, { FALLBACK_DEADLINE_MS: '10000' }, { metrics }).explain(fallbackRequest());
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(messageRequests(fake).length).toBeLessThanOrEqual(3);
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'overloaded' });
    expect(outcome.kind === 'unavailable' && outcome.message).toMatch(/overloaded.*try again/);
    expect(calls).toEqual([expect.objectContaining({ outcome: 'overloaded', attempts: 3 })]);
  });

  it('sends exactly one request for a 400', async () => {
    fake = await startFakeAnthropic({ script: [badRequest(), answerForcedTool(pickAnswer())] });
    const outcome = await fallbackFor(fake).explain(fallbackRequest());
    expect(messageRequests(fake)).toHaveLength(1);
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'rejected' });
  });

  it.each([
    ['x-should-retry: false on a 500', errorReply(500, 'api_error', 'Internal', { headers: { 'x-should-retry': 'false' } }), 'error'],
    ['x-should-retry: false on a 529', overloaded({ 'x-should-retry': 'false' }), 'overloaded'],
    ['a spend-cap 429', spendLimitReached(), 'spend_limit'],
    ['a 429 without retry-after', rateLimited(null), 'rate_limited'],
    ['a 404 (model id)', errorReply(404, 'not_found_error', 'model: claude-nope'), 'rejected'],
    ['a 413', errorReply(413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes.'), 'rejected'],
  ])('sends exactly one request for %s', async (_name, reply, reason) => {
    fake = await startFakeAnthropic({ script: [reply, answerForcedTool(pickAnswer())] });
    const outcome = await fallbackFor(fake).explain(fallbackRequest());
    expect(messageRequests(fake)).toHaveLength(1);
    expect(outcome).toMatchObject({ kind: 'unavailable', reason });
  });

  it('answers at once instead of waiting out retry-after: 600, and says when to try again', async () => {
    fake = await startFakeAnthropic({ script: [rateLimited(600), answerForcedTool(pickAnswer())] });
    const now = Date.parse('2026-12-01T14:00:00Z');
    const started = performance.now();
    const outcome = await fallbackFor(fake, { FALLBACK_DEADLINE_MS: '3000' }, { now: () => now }).explain(fallbackRequest());
    expect(performance.now() - started).toBeLessThan(3000);
    expect(messageRequests(fake)).toHaveLength(1);
    expect(outcome).toEqual({
      kind: 'unavailable',
      reason: 'rate_limited',
      message: 'The model was rate limited (HTTP 429 rate_limit_error); try again in about 10 min (at 14:10:00 UTC).',
      retryAfterSeconds: 600,
    });
  });

  it('cuts a hanging server off at the deadline', async () => {
    fake = await startFakeAnthropic({ script: [hang(), hang(), hang()] });
    const started = performance.now();
    const outcome = await fallbackFor(fake, { FALLBACK_DEADLINE_MS: '1500' }).explain(fallbackRequest());
    const elapsed = performance.now() - started;
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(1500 + 1000);
    expect(messageRequests(fake)).toHaveLength(1); // the 20 s attempt timeout never got its turn
  });

  it('retries an attempt that times out, within the deadline, and answers', async () => {
    fake = await startFakeAnthropic({ script: [hang(), answerForcedTool(pickAnswer())] });
    const outcome = await fallbackFor(fake, { FALLBACK_DEADLINE_MS: '5000', FALLBACK_ATTEMPT_TIMEOUT_MS: '500' }).explain(fallbackRequest());
    expect(outcome).toMatchObject({ kind: 'answer' });
    expect(messageRequests(fake)).toHaveLength(2);
  });

  it('cuts off a reply whose headers arrive but whose body stalls', async () => {
    fake = await startFakeAnthropic({ script: [stallBody(toolUseReply(pickAnswer()))] });
    const started = performance.now();
    const outcome = await fallbackFor(fake, { FALLBACK_DEADLINE_MS: '1200' }).explain(fallbackRequest());
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(1200 + 1000);
  });

  it('alerts the operator once on the spend cap, without retrying', async () => {
    fake = await startFakeAnthropic({ script: [spendLimitReached()] });
    const { logger, lines } = recordingLogger();
    const outcome = await fallbackFor(fake, {}, { logger }).explain(fallbackRequest());
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'spend_limit' });
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(1);
    expect(messageRequests(fake)).toHaveLength(1);
  });

  it('recovers from a 500 followed by a 200', async () => {
    fake = await startFakeAnthropic({ script: [errorReply(500, 'api_error', 'Internal server error'), answerForcedTool(pickAnswer())] });
    const outcome = await fallbackFor(fake).explain(fallbackRequest());
    expect(outcome).toMatchObject({ kind: 'answer' });
    expect(messageRequests(fake)).toHaveLength(2);
  });

  it('treats a refused key as an operator problem: one request, an error log, and no key in the logs', async () => {
    fake = await startFakeAnthropic({ script: [invalidApiKey()] });
    const { logger, lines, text } = recordingLogger();
    const outcome = await fallbackFor(fake, {}, { logger }).explain(fallbackRequest());
    expect(messageRequests(fake)).toHaveLength(1);
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'auth' });
    expect(lines.some((l) => l.level === 'error')).toBe(true);
    expect(text()).not.toContain(TEST_KEY);
  });

  it('reports a connection failure as unavailable, never as an exception', async () => {
    const closed = await startFakeAnthropic();
    const url = closed.url;
    await closed.close();
    const outcome = await fallbackFor(null, { ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: url, FALLBACK_DEADLINE_MS: '4000' }).explain(
      fallbackRequest(),
    );
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'error' });
  });
});
