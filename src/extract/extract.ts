import type { Signals } from '../contracts';
import { PROVIDERS } from '../knowledge/providers';
import { OFFICIAL_TYPES } from '../normalize/vocabulary';
import { CLIENT_CUES, detectClient } from './client';
import { ALWAYS, CueGate, cueLiterals, type MayMatch } from '../scan';
import { z } from 'zod';
import { cachedBuild } from '../knowledge/compiled-cache';
import { blankSpans, capSpaceRuns } from './blank';
import { EXCEPTION_CUES, extractException } from './exception';
import { extractHeaders, HEADER_CUES } from './headers';
import { type ErrorInstance, findInstances, INSTANCE_CUES } from './instances';
import { extractModel, MODEL_CUES } from './model';
import { extractNumbers } from './numbers';
import { detectCloud, detectForeignEnvelope, detectForeignProvider, hasAnthropicEvidence, PROVIDER_CUES } from './provider';
import { findStatusMentions, inferStatus, STATUS_CUES, type StatusMention, TYPE_STATUS } from './status';
import { decideScope } from './source';

/** `error.details.error_code`, quoted or as the SDKs name the field (`errorCode` in TypeScript 1.x, `error_code` in Python). */
const ERROR_CODE = /["']?\b(?:error_code|errorCode)["']?\s*[:=]\s*["']([a-z][a-z0-9_]{2,80})["']/;

/** The window before a status in which a tool's result is recognised (catalog/providers.yaml `anthropic.toolResultStatus`). */
const TOOL_WINDOW = 320;

/** A status a tool printed in an agent transcript (a WebFetch's fetched site answering 404): not the API's. */
function toolResultStatus(flat: string, index: number, may: MayMatch): boolean {
  return may(PROVIDERS.toolResultStatus) && PROVIDERS.toolResultStatus.test(flat.slice(Math.max(0, index - TOOL_WINDOW), index));
}

export { OFFICIAL_TYPES };
const ANTHROPIC_ONLY_TYPES: ReadonlySet<string> = new Set(['overloaded_error', 'authentication_error', 'permission_error', 'not_found_error', 'billing_error', 'request_too_large', 'conflict_error']);
const BARE_TYPE = new RegExp(`\\b(${[...OFFICIAL_TYPES].join('|')})\\b`, 'g');
const REQUEST_ID = /\breq_(?:vrtx_)?[0-9A-Za-z]{10,}/g;

/**
 * What extraction blanked out of the text the rules read, and by which rule:
 * - `older-retry-line`: a Claude Code retry line older than the latest attempt (latestRetrySpans);
 * - `other-error-body`: an error body other than the primary one (otherBodySpans);
 * - `stale-bug-log`: a body in a /bug report's **Errors** log that is older than the banner (staleFeedbackLog).
 */
export type BlankRule = 'older-retry-line' | 'other-error-body' | 'stale-bug-log';
export interface BlankedSpan {
  start: number;
  end: number;
  rule: BlankRule;
}

export interface Extraction {
  signals: Signals;
  /** The flat text with the other (older) error bodies blanked, so rules read the primary error. */
  focus: string;
  focusLower: string;
  /** The spans of `focus` that extraction blanked (positions in `focus`). */
  blanked: BlankedSpan[];
}

/** The spans in text order, without any that starts inside an earlier one (a body nested in a blanked body goes with it). */
function disjoint(spans: readonly BlankedSpan[]): BlankedSpan[] {
  const out: BlankedSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) if (out.length === 0 || span.start >= out[out.length - 1]!.end) out.push(span);
  return out;
}

/**
 * The primary error is the last body that names an official type — logs and /bug arrays are
 * chronological — unless the first line's banner names a status another body has.
 */
function pickPrimary(instances: ErrorInstance[], mentions: StatusMention[]): ErrorInstance | null {
  const any = instances.filter((i) => i.type !== null || i.message !== null);
  // A wrapper whose message holds another body is not the error itself: the body inside it is.
  const inner = any.filter((i) => !i.container);
  const typed = inner.length > 0 ? inner : any;
  if (typed.length === 0) return null;
  const withOfficial = typed.filter((i) => i.type !== null && OFFICIAL_TYPES.has(i.type));
  const pool = withOfficial.length > 0 ? withOfficial : typed;
  const banner = mentions[0];
  if (banner && banner.index < 200 && banner.index < pool[0]!.start) {
    const sameStatus = pool.filter((i) => statusNear(i, mentions) === banner.status);
    if (sameStatus.length > 0) return sameStatus[sameStatus.length - 1]!;
  }
  return pool[pool.length - 1]!;
}

/** The first of `mentions` (in text order) whose index is above `index`: a binary search. */
function firstAbove(mentions: StatusMention[], index: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mentions[mid]!.index > index) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The status written just before a body ("Error code: 401 - {"), or in its own `code`. Mentions are
 * in text order, so the nearest ones are found by binary search: a log with thousands of bodies and
 * thousands of statuses stays fast.
 */
function statusNear(instance: ErrorInstance, mentions: StatusMention[]): number | null {
  const before = mentions[firstAbove(mentions, instance.start - 1) - 1];
  if (before && instance.start - before.index < 400) return before.status;
  if (instance.code) return instance.code;
  const after = mentions[firstAbove(mentions, instance.end)];
  return after && after.index - instance.end < 400 ? after.status : null;
}

/** The error bodies other than the primary one, except a container (a wrapper's message) that holds the primary body. */
function otherBodySpans(instances: ErrorInstance[], primary: ErrorInstance | null): BlankedSpan[] {
  if (!primary) return [];
  return disjoint(
    instances
      .filter((i) => i !== primary && i.message !== null && i.message !== primary.message && !(i.start <= primary.start && i.end >= primary.end))
      .map((i) => ({ start: i.start, end: i.end, rule: 'other-error-body' as const })),
  );
}

/** Every error body from `from` on (the stale /bug log); the banner before it stays. */
function loggedBodySpans(instances: ErrorInstance[], from: number): BlankedSpan[] {
  return disjoint(instances.filter((x) => x.start >= from && x.message !== null).map((i) => ({ start: i.start, end: i.end, rule: 'stale-bug-log' as const })));
}

/**
 * How many different errors the paste holds. Only error bodies count (a type or a code next to the
 * message), and a body printed twice — whole, or cut short in a summary — counts once.
 */
function countDistinctBodies(instances: ErrorInstance[]): number {
  const messages = [...new Set(instances.flatMap((i) => (i.message !== null && (i.type !== null || i.code !== null) ? [i.message] : [])))];
  // The prefix check is quadratic; a paste with that many bodies is a log dump anyway.
  if (messages.length > 50) return messages.length;
  if (messages.length < 2) return messages.length;
  // Each message's stem once, not once per other message.
  const stems = messages.map((m) => m.replace(/[.…\s]+$/, ''));
  return messages.filter((m, k) => !messages.some((other, j) => j !== k && other.length > m.length && other.startsWith(stems[k]!))).length;
}

function lastMatch(re: RegExp, text: string, may: MayMatch): string | null {
  let last: string | null = null;
  if (!may(re)) return null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m[1] ?? m[0];
  return last;
}

/** A quoted key and the opening quote of its value, just before a match: `"terminal_reason": "`. */
const KEY_BEFORE = /["']([A-Za-z_]+)["']\s*[:=]\s*["']$/;

/**
 * The last official type named in the text, except as the value of a key other than `type`: a
 * result object's `"terminal_reason": "api_error"` names why a run ended, not the error's type.
 */
function lastBareType(text: string, may: MayMatch): string | null {
  let last: string | null = null;
  if (!may(BARE_TYPE)) return null;
  BARE_TYPE.lastIndex = 0;
  for (let m = BARE_TYPE.exec(text); m; m = BARE_TYPE.exec(text)) {
    const key = KEY_BEFORE.exec(text.slice(Math.max(0, m.index - 40), m.index))?.[1];
    if (key === undefined || key === 'type') last = m[1]!;
  }
  return last;
}

/** An `"error": {` key opening the object a message is in (nothing nested between them). */
const ERROR_KEY_BEFORE = /["']error["']\s*:\s*\{[^{}]{0,300}$/;
const ANY_OFFICIAL_TYPE = new RegExp(BARE_TYPE.source);

/**
 * The paste's error object is not the Claude API's `{type, message}` (catalog/providers.yaml
 * `anthropic.errorTypes`): the primary body sits under an `"error": {` key and its type is none of
 * Claude's ("BadRequestError", "bad_request_error"), or it has no type but a `code` of its own
 * (`{"message":"Operation failed","code":"500"}`). When one of Claude's types shows anywhere in the
 * paste, a wrapper or relay carries Claude's own error and the object says nothing.
 */
function foreignErrorObject(flat: string, primary: ErrorInstance | null, may: MayMatch): boolean {
  if (!primary || primary.message === null || primary.container) return false;
  if (primary.type === null ? primary.code === null || primary.googleStatus !== null : PROVIDERS.errorTypes.has(primary.type)) return false;
  if (!ERROR_KEY_BEFORE.test(flat.slice(Math.max(0, primary.start - 400), primary.start))) return false;
  return !(may(BARE_TYPE) && ANY_OFFICIAL_TYPE.test(flat));
}

/** Claude Code's retry line: `API Error (<what failed>) · Retrying in 4 seconds… (attempt 2/10)`. */
const RETRY_LINE = /API Error \((.{1,2000}?)\)\s*\S?\s*Retrying in \d+ seconds?(?:…|\.{3})?\s*\(attempt \d+\/\d+\)/g;

/** A final Claude Code banner that names a status: `API Error: 504 <!DOCTYPE…`, `API Error (520 <!DOCTYPE…`. */
const FINAL_STATUS_BANNER = /API Error:? ?\(?([45]\d\d)\b/;

/**
 * In a run of retry lines only the latest attempt says what is failing now (a timeout that turned
 * into a 502, a connection error that turned into a 529): earlier lines that differ from it are blanked.
 * When the retries end in a banner that names a status (the final attempt, printed without
 * "Retrying in"), that banner is the latest attempt, and retry lines that name another failure are blanked.
 */
export function latestRetrySpans(flat: string, may: MayMatch = ALWAYS): BlankedSpan[] {
  if (!may(RETRY_LINE)) return [];
  const lines = [...flat.matchAll(RETRY_LINE)];
  if (lines.length === 0) return [];
  const lastLine = lines[lines.length - 1]!;
  const tail = flat.slice(lastLine.index + lastLine[0].length, lastLine.index + lastLine[0].length + 2000);
  const finalStatus = FINAL_STATUS_BANNER.exec(tail)?.[1];
  const keep = finalStatus
    ? (what: string) => new RegExp(`(?:^|\\D)${finalStatus}(?:\\D|$)`).test(what)
    : (what: string) => what === lastLine[1];
  const older = finalStatus ? lines : lines.slice(0, -1);
  if (older.length === 0 || (!finalStatus && lines.length < 2)) return [];
  return disjoint(older.filter((m) => !keep(m[1]!)).map((m) => ({ start: m.index, end: m.index + m[0].length, rule: 'older-retry-line' as const })));
}

/** The flat text with the older retry lines blanked (latestRetrySpans). */
export function latestRetryOnly(flat: string): string {
  return blankSpans(flat, latestRetrySpans(flat));
}

/** Claude Code's /bug template: `**Errors**` opens a log of earlier errors (`[{"error":"…","timestamp":…}]`). */
const FEEDBACK_LOG = /\*\*Errors\*\*\s*\[\{\s*"error"\s*:/;

/**
 * In a /bug report the description holds the banner of the error the user is asking about; the
 * `**Errors**` log after it holds earlier errors. When the banner names a status that no body in the
 * paste has, the logged bodies are older, unrelated errors: the banner is the primary error. Returns
 * where the log starts, or -1.
 */
function staleFeedbackLog(flat: string, instances: ErrorInstance[], mentions: StatusMention[], primary: ErrorInstance | null, may: MayMatch): number {
  const log = may(FEEDBACK_LOG) ? FEEDBACK_LOG.exec(flat) : null;
  const banner = mentions[0];
  if (!log || !banner || !primary || banner.index > log.index || primary.start < log.index) return -1;
  if (instances.some((i) => statusNear(i, mentions) === banner.status)) return -1;
  return log.index;
}

/**
 * Every regex extraction runs, behind one prefilter: the literals each needs (derived from its source)
 * are found in one pass over the lower-cased paste, and a regex runs only when one of its literals
 * occurs. Most pastes carry no headers, no retry lines, few cues.
 */
export const EXTRACTION_CUES: readonly RegExp[] = [
  ...CLIENT_CUES,
  ...PROVIDER_CUES,
  ...HEADER_CUES,
  ...MODEL_CUES,
  ...STATUS_CUES,
  ...EXCEPTION_CUES,
  ...INSTANCE_CUES,
  RETRY_LINE,
  FEEDBACK_LOG,
  BARE_TYPE,
  REQUEST_ID,
  ERROR_CODE,
];
/**
 * Deriving the literals of ~200 regexes costs ~70 ms of the CLI's cold start: they are kept with the
 * compiled knowledge (node_modules/.cache), keyed by the regexes' sources and the code that derives
 * them (src/scan); test/core/extract-gate.test.ts holds the kept lists to a fresh derivation.
 */
const CUES = new CueGate(
  EXTRACTION_CUES,
  cachedBuild(
    'extraction-cue-literals',
    EXTRACTION_CUES.map((re) => re.source),
    () => EXTRACTION_CUES.map(cueLiterals),
    {
      encode: (lists) => lists,
      // A damaged cache file fails here and the lists are derived afresh.
      decode: (json) => z.array(z.array(z.string()).nullable()).length(EXTRACTION_CUES.length).parse(json),
    },
  ),
);

/** The literals extraction's regexes need: a caller that scans the paste anyway can look for them too (`textScan`). */
export const EXTRACTION_LITERALS: readonly string[] = CUES.literals;

export interface ExtractOptions {
  /** false: every regex runs, no prefilter (the differential test, test/core/extract-gate.test.ts). */
  gated?: boolean;
  /** The caller's scan of `textLower`: `has(k)` tells whether EXTRACTION_LITERALS[k] occurs. Saves a scan. */
  textScan?: (literal: number) => boolean;
}

/** The signals of a flattened paste. */
export function extractSignals(text: string, now: Date = new Date(), textLower: string = text.toLowerCase(), options: ExtractOptions = {}): Extraction {
  const gated = options.gated ?? true;
  // A scan's answers hold until the gate's next scan: the text's own serves the retry lines and,
  // when no retry line is blanked (nearly always), everything else.
  const mayText = !gated ? ALWAYS : options.textScan ? CUES.gate(options.textScan) : CUES.scan(textLower);
  const retrySpans = latestRetrySpans(text, mayText);
  const flat = blankSpans(text, retrySpans);
  const lower = flat === text ? textLower : flat.toLowerCase();
  const may = flat === text || !gated ? mayText : CUES.scan(lower);
  const instances = findInstances(flat, may);
  const mentions = findStatusMentions(flat).filter((m) => !toolResultStatus(flat, m.index, may));
  const picked = pickPrimary(instances, mentions);
  const logStart = staleFeedbackLog(flat, instances, mentions, picked, may);
  const primary = logStart < 0 ? picked : null;
  const headers = extractHeaders(flat, now, may);
  const sdkException = extractException(flat, may);

  // An OpenAI-shaped wrapper reuses `invalid_request_error` (and OpenAI's own types) for everything:
  // its type only says something when it is one that only Anthropic uses, or when it agrees with the
  // status written beside it (a one-api / new-api relay passing on a 400 `invalid_request_error`).
  const rawType = primary?.type ?? lastBareType(logStart < 0 ? flat : flat.slice(0, logStart), may);
  const written = primary ? statusNear(primary, mentions) : null;
  const agreesWithStatus = rawType !== null && written !== null && TYPE_STATUS[rawType] === written;
  const type = primary?.shape === 'openai' && !(rawType && ANTHROPIC_ONLY_TYPES.has(rawType)) && !agreesWithStatus ? null : rawType;
  const outer = written ?? mentions[0]?.status ?? inferStatus(flat, type && OFFICIAL_TYPES.has(type) ? type : null, sdkException, may);
  // A proxy that answers with its own 5xx around the API's own body (Continue's server: "HTTP 500 …
  // Error in Continue server: {"type":"error","error":{"type":"invalid_request_error",…}}") hides the
  // status the API gave; the body's documented 4xx type still names it, so the inner status wins.
  const inner = primary?.shape === 'anthropic' && type ? TYPE_STATUS[type] : undefined;
  const status = outer !== null && outer >= 500 && inner !== undefined && inner < 500 ? inner : outer;

  const message = primary?.message ?? null;
  // 529 exists only at Anthropic and means exactly one thing.
  const typeOrOverloaded = type ?? (status === 529 ? 'overloaded_error' : null);
  const bodySpans = logStart < 0 ? otherBodySpans(instances, primary) : loggedBodySpans(instances, logStart);
  // Blanking thousands of retry lines leaves one long run of spaces; the rules read it capped.
  const capped = capSpaceRuns(blankSpans(flat, bodySpans), [...retrySpans, ...bodySpans].sort((a, b) => a.start - b.start));
  const focus = capped.text;
  const requestIds = primary && may(REQUEST_ID) ? flat.slice(primary.end, primary.end + 200).match(REQUEST_ID) : null;
  const requestId = requestIds?.[0] ?? lastMatch(REQUEST_ID, flat, may) ?? headers.requestIdHeader;
  const client = detectClient(flat, may);
  const anthropicEvidence = hasAnthropicEvidence(flat, may);
  const foreignEnvelope = detectForeignEnvelope(flat, may, foreignErrorObject(flat, primary, may));
  const scope = decideScope(flat, { client, status, type: typeOrOverloaded, requestId, sdkException, foreignEnvelope }, may);

  return {
    focus,
    focusLower: focus === flat ? lower : focus.toLowerCase(),
    blanked: capped.spans,
    signals: {
      status,
      type: typeOrOverloaded,
      message,
      requestId,
      retryAfterSeconds: headers.retryAfterSeconds,
      rateLimitHeaders: headers.rateLimitHeaders,
      headersPresent: headers.headersPresent,
      // JSON / Python repr (`"error_code": "…"`), and the SDKs' own fields as a Node inspect or a log prints them (`errorCode: '…'`, `e.error_code = …`).
      errorCode: (may(ERROR_CODE) ? ERROR_CODE.exec(flat)?.[1] : undefined) ?? null,
      shouldRetry: headers.shouldRetry,
      model: extractModel(flat, message, may),
      sdkException,
      client,
      cloud: detectCloud(flat, may),
      numbers: extractNumbers(message ?? flat.slice(0, 600)),
      foreignProvider: detectForeignProvider(flat, may),
      anthropicEvidence,
      ...scope,
      foreignEnvelope,
      // The same body is often printed twice (a message string and the parsed object): count it once.
      errorCount: countDistinctBodies(instances),
    },
  };
}
