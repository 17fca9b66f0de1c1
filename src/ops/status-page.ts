import { z } from 'zod';
import type { OpsEnv } from '../config';
import { type LiveStatus, type Logger, silentLogger, type StatusSource } from '../ports';
import { cachedLookup } from '../support/cached-lookup';

/** The part of Statuspage's `GET /api/v2/summary.json` the reply uses. Unknown fields are ignored. */
const SummarySchema = z.object({
  page: z.object({ url: z.string() }),
  status: z.object({
    indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
    description: z.string(),
  }),
  incidents: z
    .array(
      z.object({
        name: z.string(),
        status: z.string(),
        shortlink: z.string().nullish(),
        resolved_at: z.string().nullish(),
        created_at: z.string().nullish(),
      }),
    )
    .default([]),
});
type Summary = z.infer<typeof SummarySchema>;

export interface StatusPageOptions {
  /** The page's `summary.json` (STATUS_URL). */
  url: string;
  fetch?: typeof fetch;
  /** Clock for the cache, in ms. */
  now?: () => number;
  /** How long an answer is reused. */
  ttlMs?: number;
  /** How long a failure is remembered, so an unreachable page is not asked on every error. */
  failureTtlMs?: number;
  /** Budget for one request, body included; the reply waits for it. */
  timeoutMs?: number;
  logger?: Logger;
}

const RESOLVED = new Set(['resolved', 'postmortem', 'completed']);
const MAX_TEXT = 200;

/** The page's text ends up in a chat reply: one line, bounded, no control characters. */
const oneLine = (s: string) => {
  const flat = s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
};
/** Only http(s) links from the page are repeated to users. */
const httpUrl = (s: string | null | undefined): string | null => {
  if (!s || !URL.canParse(s)) return null;
  const u = new URL(s);
  return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
};

function condense(summary: Summary, url: string): LiveStatus {
  const open = summary.incidents
    .filter((i) => !i.resolved_at && !RESOLVED.has(i.status))
    .sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''));
  return {
    indicator: summary.status.indicator,
    description: oneLine(summary.status.description),
    incidents: open.map((i) => ({ name: oneLine(i.name), status: oneLine(i.status), url: httpUrl(i.shortlink) })),
    pageUrl: httpUrl(summary.page.url) ?? new URL(url).origin,
  };
}

/**
 * The Claude status page (Statuspage `summary.json`) as a `StatusSource`: one request at a time,
 * answers cached for a minute, failures for a short while, every failure reported as `null`.
 */
export function createStatusPageSource(options: StatusPageOptions): StatusSource {
  // Read when a request is made: the global fetch loads undici (~0.2 s), which a process that never
  // quotes the status page (the CLI on most pastes) should not pay for.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 60_000;
  const failureTtlMs = options.failureTtlMs ?? 15_000;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const logger = options.logger ?? silentLogger;

  async function load(): Promise<LiveStatus | null> {
    try {
      const res = await fetchImpl(options.url, {
        headers: { accept: 'application/json', 'user-agent': 'claude-error-doctor' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const parsed = SummarySchema.safeParse(JSON.parse(await res.text()));
      if (!parsed.success) throw new Error(`unexpected summary.json: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return condense(parsed.data, options.url);
    } catch (error) {
      logger.debug({ url: options.url, err: (error as Error).message }, 'status page unavailable; replies go without the status line');
      return null;
    }
  }

  return { current: cachedLookup(load, { ttlMs, failureTtlMs, now }) };
}

/** The live status page quoted on server-side errors (STATUS_URL), or undefined with STATUS_URL=off. */
export function createStatusSource(config: Pick<OpsEnv, 'STATUS_URL'>, logger: Logger): StatusSource | undefined {
  return config.STATUS_URL === 'off' ? undefined : createStatusPageSource({ url: config.STATUS_URL, logger });
}
