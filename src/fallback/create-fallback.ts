import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import { performance } from 'node:perf_hooks';
import type { FallbackEnv } from '../config';
import type { FallbackOutcome, FallbackRequest, FallbackUnavailableReason, Logger, ModelFallback, SharedStore } from '../ports';
import { silentLogger } from '../ports';
import { abortableSleep } from './abortable-sleep';
import { MemoryStore } from '../store/memory-store';
import { AnswerCache, type AnswerOutcome } from './answer-cache';
import { AnswerFormats, asStructuredOutput, rejectsForcedTool } from './answer-format';
import { buildAnswerSchema, type CatalogIndexEntry, type ModelAnswer, NONE } from './answer-schema';
import { callWithRetry } from './call-with-retry';
import { ConcurrencyLimit } from './concurrency';
import { buildMessageParams, buildStaticPrompt } from './prompt';
import { readAnswer, readStructuredAnswer } from './read-answer';
import type { AttemptFailure, StopInfo } from './retry-policy';
import { looksLikeLiveSecret } from './secret-guard';
import { unavailable, unavailableFromStop } from './unavailable';

/** Used when neither ANTHROPIC_MODEL nor the models data names one: a current small model. */
export const DEFAULT_FALLBACK_MODEL = 'claude-haiku-5-5';
const DEFAULT_BASE_URL = 'https://api.anthropic.com';
/** FALLBACK_USER_PER_MINUTE counts calls in any sliding minute. */
const QUOTA_WINDOW_MS = 60_000;

export type FallbackMetricOutcome = 'answer' | 'cached' | FallbackUnavailableReason;

/** Hooks for the operations layer. `attempts` is the number of HTTP requests made (0: none). */
export interface FallbackMetrics {
  call(outcome: FallbackMetricOutcome, latencyMs: number, attempts: number): void;
}

export interface ModelFallbackDeps {
  catalogIndex: ReadonlyArray<CatalogIndexEntry>;
  logger?: Logger;
  metrics?: FallbackMetrics;
  /** Where the per-user quota and the answer cache live: shared by every replica on Redis. Default: this process. */
  store?: SharedStore;
  /** The models data's "current small model"; ANTHROPIC_MODEL wins over it. */
  defaultModel?: string;
  /** Wall clock (ms since epoch) for quotas, cache expiry and retry times. Deadlines use real timers. */
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** 0..1, for backoff jitter. */
  random?: () => number;
}

/**
 * The model fallback: one bounded Claude call for a paste the rules could not tell. Never throws:
 * every failure becomes an `unavailable` outcome with a reason and a line for the user.
 */
export function createModelFallback(config: FallbackEnv, deps: ModelFallbackDeps): ModelFallback {
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? Date.now;
  const model = config.ANTHROPIC_MODEL ?? deps.defaultModel ?? DEFAULT_FALLBACK_MODEL;

  const finish = (outcome: FallbackOutcome, started: number, attempts: number, cached = false): FallbackOutcome => {
    const label: FallbackMetricOutcome = outcome.kind === 'answer' ? (cached ? 'cached' : 'answer') : outcome.reason;
    const latencyMs = Math.round(performance.now() - started);
    deps.metrics?.call(label, latencyMs, attempts);
    // Never the paste: outcome, timing and the model's pick only.
    const entry = outcome.kind === 'answer' ? outcome.entry : undefined;
    const fields = { fallback: { outcome: label, attempts, latencyMs, model, entry } };
    if (label === 'auth' || label === 'spend_limit') logger.error(fields, `model fallback needs the operator: ${label}`);
    else logger.info(fields, 'model fallback');
    return outcome;
  };

  if (!config.ANTHROPIC_API_KEY) {
    return {
      enabled: false,
      explain: async () => finish(unavailable('disabled', { nowMs: now() }), performance.now(), 0),
    };
  }

  const index = [...deps.catalogIndex];
  const byId = new Map(index.map((e) => [e.id, e]));
  const schema = buildAnswerSchema(index.map((e) => e.id));
  const prompt = buildStaticPrompt(index, schema);
  const client = new Anthropic({
    apiKey: config.ANTHROPIC_API_KEY,
    baseURL: config.ANTHROPIC_BASE_URL ?? DEFAULT_BASE_URL,
    maxRetries: 0, // our retry layer is the only one (retry-policy.ts)
    timeout: config.FALLBACK_ATTEMPT_TIMEOUT_MS,
    logLevel: 'warn',
    logger: {
      error: (message: string) => logger.error({ sdk: 'anthropic' }, message),
      warn: (message: string) => logger.warn({ sdk: 'anthropic' }, message),
      info: (message: string) => logger.debug({ sdk: 'anthropic' }, message),
      debug: () => {}, // the SDK's debug lines carry request bodies, i.e. the paste
    },
  });
  const store = deps.store ?? new MemoryStore({ now });
  const cache = new AnswerCache(store, config.FALLBACK_CACHE_TTL_SECONDS * 1000);
  const limit = new ConcurrencyLimit(config.FALLBACK_MAX_CONCURRENCY);
  const formats = new AnswerFormats();

  const toOutcome = (answer: ModelAnswer, servedBy: string): AnswerOutcome => {
    const picked = answer.entry === NONE ? null : (byId.get(answer.entry) ?? null);
    return {
      kind: 'answer',
      model: servedBy,
      entry: picked?.id ?? null,
      status: answer.status,
      type: answer.type,
      // A picked entry's category is ours, not the model's.
      category: picked?.category ?? answer.category,
      explanation: answer.explanation,
      fix: answer.fix,
      confidence: answer.confidence,
    };
  };

  const stopped = (stop: StopInfo) => unavailableFromStop(stop, { nowMs: now(), deadlineMs: config.FALLBACK_DEADLINE_MS });
  const logRetry = (failure: AttemptFailure, delayMs: number, attempt: number) => {
    const status = failure.kind === 'http' ? failure.status : undefined;
    logger.debug({ fallback: { retry: attempt, failure: failure.kind, status, delayMs: Math.round(delayMs) } }, 'model fallback retry');
  };

  /**
   * One answer within the deadline: the forced tool call, or structured outputs for a model known
   * to refuse forced tools. A model that refuses it now gets the structured request at once — one
   * extra request at most — and is remembered.
   */
  async function ask(params: MessageCreateParamsNonStreaming, deadline: AbortSignal, deadlineAt: number) {
    const send = (body: MessageCreateParamsNonStreaming, maxAttempts?: number) =>
      callWithRetry((signal, timeoutMs) => client.messages.create(body, { signal, timeout: timeoutMs, maxRetries: 0 }), {
        deadline,
        deadlineAt,
        attemptTimeoutMs: config.FALLBACK_ATTEMPT_TIMEOUT_MS,
        now,
        sleep: deps.sleep ?? abortableSleep,
        random: deps.random ?? Math.random,
        onRetry: logRetry,
        maxAttempts,
      });
    const format = formats.get(model);
    const first = await send(format === 'structured-output' ? asStructuredOutput(params, schema) : params);
    if (first.ok || format === 'structured-output' || !rejectsForcedTool(first.cause)) return { result: first, attempts: first.attempts, format };
    formats.set(model, 'structured-output');
    logger.info({ fallback: { model, format: 'structured-output' } }, 'model refuses forced tool use; asking through structured outputs');
    const second = await send(asStructuredOutput(params, schema), 1);
    return { result: second, attempts: first.attempts + second.attempts, format: 'structured-output' as const };
  }

  async function explain(request: FallbackRequest): Promise<FallbackOutcome> {
    const started = performance.now();
    const hit = await cache.get(request.cacheKey);
    if (hit) return finish({ ...hit, cached: true }, started, 0, true);
    if (looksLikeLiveSecret(request.text)) {
      logger.warn({ fallback: { outcome: 'unsafe_input' } }, 'paste still holds a secret after redaction; not sent');
      return finish(unavailable('unsafe_input', { nowMs: now() }), started, 0);
    }
    const allowed = await store.take(`fallback:quota:${request.user}`, config.FALLBACK_USER_PER_MINUTE, QUOTA_WINDOW_MS);
    if (!allowed.ok) return finish(unavailable('quota', { nowMs: now(), retryInMs: allowed.retryInMs }), started, 0);

    const deadline = AbortSignal.timeout(config.FALLBACK_DEADLINE_MS);
    const deadlineAt = started + config.FALLBACK_DEADLINE_MS;
    const slot = await limit.acquire(deadline);
    if (!slot.ok) {
      const timedOut = { reason: 'timeout', status: null, errorType: null, retryAfterMs: null } as const;
      return finish(slot.why === 'full' ? unavailable('busy', { nowMs: now() }) : stopped(timedOut), started, 0);
    }
    try {
      const { result, attempts, format } = await ask(buildMessageParams(request, model, prompt), deadline, deadlineAt);
      if (!result.ok) {
        // The SDK's error text holds the status and the API's message, never the request body.
        if (result.stop.reason === 'error') logger.warn({ fallback: { error: String(result.cause) } }, 'model fallback failed');
        return finish(stopped(result.stop), started, attempts);
      }
      const read = (format === 'structured-output' ? readStructuredAnswer : readAnswer)(result.value, schema);
      if (!read.ok) {
        logger.warn({ fallback: { outcome: read.reason, detail: read.detail } }, 'model answer set aside');
        return finish(unavailable(read.reason, { nowMs: now() }), started, attempts);
      }
      const outcome = toOutcome(read.answer, typeof result.value.model === 'string' ? result.value.model : model);
      await cache.set(request.cacheKey, outcome);
      return finish(outcome, started, attempts);
    } finally {
      slot.release();
    }
  }

  return { enabled: true, explain };
}
