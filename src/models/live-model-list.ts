import Anthropic from '@anthropic-ai/sdk';
import { type LiveModelList, type Logger, silentLogger } from '../ports';
import { cachedLookup } from '../support/cached-lookup';

export interface LiveModelListOptions {
  /** The bot's own key (ANTHROPIC_API_KEY). */
  apiKey: string;
  /** ANTHROPIC_BASE_URL, without /v1. */
  baseURL?: string;
  /** How long a list is reused: models change rarely, and a reply should not wait on this twice. */
  ttlMs?: number;
  /** How long a failure is remembered, so an unreachable API is not asked on every paste. */
  failureTtlMs?: number;
  /** Budget for the whole list, every page included; the reply waits for it. */
  timeoutMs?: number;
  /** Ids per request (the API allows up to 1000). */
  pageSize?: number;
  /** The list is short (dozens of ids); this bounds the loop if a server keeps saying `has_more`. */
  maxPages?: number;
  now?: () => number;
  logger?: Logger;
}

/**
 * `GET /v1/models` through the official SDK, for ids newer than the models data. Listed ids whose
 * lifecycle is `active` or `deprecated` count (the API leaves `retired` ones out unless asked).
 * One request at a time; failures are logged at debug and reported as `null`.
 */
export function createLiveModelList(options: LiveModelListOptions): LiveModelList {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 3_600_000;
  const failureTtlMs = options.failureTtlMs ?? 300_000;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 10;
  const logger = options.logger ?? silentLogger;
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? 'https://api.anthropic.com',
    maxRetries: 0, // a retry would not fit the 2 s budget; the next paste after failureTtlMs asks again
    timeout: timeoutMs,
    logLevel: 'off',
  });

  async function fetchIds(): Promise<ReadonlySet<string> | null> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const ids = new Set<string>();
      let page = await client.models.list({ limit: pageSize }, { signal, timeout: timeoutMs, maxRetries: 0 });
      for (let pages = 1; ; pages += 1) {
        for (const model of page.data) if (model.lifecycle !== 'retired') ids.add(model.id);
        if (!page.hasNextPage() || pages >= maxPages) break;
        page = await page.getNextPage();
      }
      logger.debug({ models: { live: ids.size } }, 'live model list read');
      return ids;
    } catch (error) {
      logger.debug({ models: { error: (error as Error).message } }, 'live model list unavailable; the models data answers alone');
      return null;
    }
  }

  return { ids: cachedLookup(fetchIds, { ttlMs, failureTtlMs, now }) };
}
