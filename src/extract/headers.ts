import { ALWAYS, type MayMatch } from '../scan';

/** Response headers pasted from `curl -i`, an SDK error dump (`headers: {...}`) or a HAR export. */
export interface HeaderSignals {
  retryAfterSeconds: number | null;
  rateLimitHeaders: Record<string, string>;
  shouldRetry: boolean | null;
  headersPresent: boolean;
  requestIdHeader: string | null;
}

const SEP = `["']?\\s*[:=]\\s*["']?`;
const RETRY_AFTER_MS = new RegExp(`\\bretry-after-ms${SEP}(\\d+(?:\\.\\d+)?)`, 'i');
const HTTP_DATE = '[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} [\\d:]{8} GMT';
const RETRY_AFTER = new RegExp(`\\bretry-after(?!-)${SEP}(\\d+(?:\\.\\d+)?|${HTTP_DATE})`, 'i');
const RATE_LIMIT = new RegExp(`\\b(anthropic-ratelimit-[a-z-]+)${SEP}([^\\s"',}]+)`, 'gi');
const SHOULD_RETRY = new RegExp(`\\bx-should-retry${SEP}(true|false)`, 'i');
const REQUEST_ID = new RegExp(`\\b(?:request-id|x-request-id|x-amzn-requestid)${SEP}([A-Za-z0-9_-]{8,})`, 'i');
const DATE = new RegExp(`\\bdate${SEP}(${HTTP_DATE})`);
const HEADER_HINTS = /\bHTTP\/[\d.]+ \d{3}\b|\bcontent-type["']?\s*:|\bcf-ray["']?\s*:|\bx-should-retry["']?\s*:|\banthropic-ratelimit-|\bretry-after["']?\s*:|\brequest-id["']?\s*:/gi;

/** Every regex here, for extraction's literal prefilter (a regex whose literals are absent cannot match). */
export const HEADER_CUES: readonly RegExp[] = [RETRY_AFTER_MS, RETRY_AFTER, RATE_LIMIT, SHOULD_RETRY, REQUEST_ID, DATE, HEADER_HINTS];

/** `retry-after` is seconds or an HTTP date; a date is measured against the pasted `date:` header. */
function parseRetryAfter(value: string, flat: string, now: Date, may: MayMatch): number | null {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  const pastedDate = may(DATE) ? DATE.exec(flat)?.[1] : undefined;
  const reference = pastedDate ? Date.parse(pastedDate) : now.getTime();
  return Math.max(0, Math.round((at - reference) / 1000));
}

/** `may` (extraction's prefilter) skips the regexes whose literals the paste lacks; most pastes carry no headers. */
export function extractHeaders(flat: string, now: Date, may: MayMatch = ALWAYS): HeaderSignals {
  const ms = may(RETRY_AFTER_MS) ? RETRY_AFTER_MS.exec(flat)?.[1] : undefined;
  const ra = may(RETRY_AFTER) ? RETRY_AFTER.exec(flat)?.[1] : undefined;
  const retryAfterSeconds = ms !== undefined ? Number(ms) / 1000 : ra !== undefined ? parseRetryAfter(ra, flat, now, may) : null;

  const rateLimitHeaders: Record<string, string> = {};
  RATE_LIMIT.lastIndex = 0;
  if (may(RATE_LIMIT)) for (let m = RATE_LIMIT.exec(flat); m; m = RATE_LIMIT.exec(flat)) rateLimitHeaders[m[1]!.toLowerCase()] = m[2]!;

  const should = may(SHOULD_RETRY) ? SHOULD_RETRY.exec(flat)?.[1]?.toLowerCase() : undefined;
  const hints = may(HEADER_HINTS) ? (flat.match(HEADER_HINTS)?.length ?? 0) : 0;
  return {
    retryAfterSeconds,
    rateLimitHeaders,
    shouldRetry: should === undefined ? null : should === 'true',
    headersPresent: hints >= 2,
    requestIdHeader: (may(REQUEST_ID) ? REQUEST_ID.exec(flat)?.[1] : undefined) ?? null,
  };
}
