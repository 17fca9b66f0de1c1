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

/** `retry-after` is seconds or an HTTP date; a date is measured against the pasted `date:` header. */
function parseRetryAfter(value: string, flat: string, now: Date): number | null {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  const pastedDate = DATE.exec(flat)?.[1];
  const reference = pastedDate ? Date.parse(pastedDate) : now.getTime();
  return Math.max(0, Math.round((at - reference) / 1000));
}

export function extractHeaders(flat: string, now: Date): HeaderSignals {
  const ms = RETRY_AFTER_MS.exec(flat)?.[1];
  const ra = RETRY_AFTER.exec(flat)?.[1];
  const retryAfterSeconds = ms !== undefined ? Number(ms) / 1000 : ra !== undefined ? parseRetryAfter(ra, flat, now) : null;

  const rateLimitHeaders: Record<string, string> = {};
  RATE_LIMIT.lastIndex = 0;
  for (let m = RATE_LIMIT.exec(flat); m; m = RATE_LIMIT.exec(flat)) rateLimitHeaders[m[1]!.toLowerCase()] = m[2]!;

  const should = SHOULD_RETRY.exec(flat)?.[1]?.toLowerCase();
  const hints = flat.match(HEADER_HINTS)?.length ?? 0;
  return {
    retryAfterSeconds,
    rateLimitHeaders,
    shouldRetry: should === undefined ? null : should === 'true',
    headersPresent: hints >= 2,
    requestIdHeader: REQUEST_ID.exec(flat)?.[1] ?? null,
  };
}
