import { ALWAYS, type MayMatch } from '../scan';

/**
 * A 3-digit code counts as an HTTP status only in a context that says so. One pass finds every
 * 4xx/5xx number; small anchored regexes then read the few characters around each, which keeps
 * extraction linear however long the paste is.
 */
const CANDIDATE = /\b([45]\d\d)\b/g;
const BEFORE_PARTS = [
  'Error code: ?', // Python SDK: Error code: 429 - {...}
  'API Error:? ?\\(?', // Claude Code: API Error: 400 / API Error (529 ...
  '\\bAPI ', // prose and issue titles: "API 400 error: …", 'API 400 "thinking blocks cannot be modified"'
  'Request rejected \\(', // Claude Code: API Error: Request rejected (429) · ...
  '(?:Error|Exception)\\d*:? ', // TS SDK: Error: 400 {, InternalServerError: 529 {
  'status(?: code)?["\']?\\s*[:=]?\\s*', // status: 529, Status Code: 404, "status": 400
  'HTTP\\/[\\d.]+ ', // curl -i
  '(?:Last status|HTTP|statusCode)[: ]+', // Last status: 404
  '["\']code["\']\\s*:\\s*["\']?', // Google / OpenRouter / LiteLLM envelopes
  '(?:failed|error)(?: with)?:? ', // API request failed: 401
  '\\] ', // [VERTEX] 404 [{
  'exceptions\\.[A-Z][A-Za-z]+: ', // google.api_core.exceptions.ResourceExhausted: 429
  '["\']param["\']\\s*:\\s*["\']', // one-api / new-api relays put the upstream status in "param"
  '\\| ', // Claude Code: API Error (api.anthropic.com | 504: Gateway time-out)
];
const BEFORE_RE = new RegExp(`(?:${BEFORE_PARTS.join('|')})$`, 'i');
// Reason phrases also in the enum spelling Java / Spring print (`400 BAD_REQUEST`, `[429 TOO_MANY_REQUESTS]`);
// a status printed just before an API URL comes from debug logs (`404 https://…aiplatform.googleapis.com/…`).
// Claude Code ≥ 2.1 prints the SDK's `${status} ${message}` in its retry spinner: `503 Queue is full. · Retrying in 2s · attempt 5/10`.
// The SDKs' message for an error response with no body is `${status} status code (no body)`, whatever wraps it.
const AFTER = /^(?: [^·{}\n]{1,80} · Retrying in \d| ?-? ?\[?\{\s*["'](?:type|error)["']| status code \(no body\)| https?:\/\/[\w.-]*(?:aiplatform\.googleapis\.com|api\.anthropic\.com|bedrock-runtime\.[\w-]+\.amazonaws\.com)\/|:? (?:Bad[ _]Request|Unauthorized|Payment[ _]Required|Forbidden|Not[ _]Found|Conflict|Request[ _]Entity[ _]Too[ _]Large|Payload[ _]Too[ _]Large|Too[ _]Many[ _]Requests|Internal[ _]Server[ _]Error|Service[ _]Unavailable|Bad[ _]Gateway|Gateway[ _]Time-?out|Overloaded)\b)/i;

export interface StatusMention {
  status: number;
  index: number;
}

/**
 * Not a status although the words before say so: aiohttp's exception repr
 * `<TransferEncodingError: 400, message='Not enough data…'>` carries its HTTP *parser*'s code, and
 * no response status was ever read.
 */
const NOT_A_STATUS_AFTER = /^, message=/;

export function findStatusMentions(flat: string): StatusMention[] {
  const out: StatusMention[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(flat); m; m = CANDIDATE.exec(flat)) {
    const before = flat.slice(Math.max(0, m.index - 48), m.index);
    const after = flat.slice(m.index + 3, m.index + 90);
    if (NOT_A_STATUS_AFTER.test(after)) continue;
    if (BEFORE_RE.test(before) || AFTER.test(after)) out.push({ status: Number(m[1]), index: m.index });
  }
  return out;
}

/** When no number is written, these words still say which status it was. */
const REASON_PHRASES: ReadonlyArray<[RegExp, number]> = [
  [/\bToo Many Requests\b/, 429],
  [/\b(?:Request Entity|Payload) Too Large\b/, 413],
  [/\bGateway Timeout\b/, 504],
  [/\bService Unavailable\b/, 503],
  // Zed names the status of a provider's error response in words (LanguageModelCompletionError::from_http_status,
  // zed-industries/zed crates/language_model): 400 "invalid request format to {provider}'s API", 401, 403.
  [/\b[Ii]nvalid request format to [^'\n]{1,40}'s API\b/, 400],
  [/\b[Aa]uthentication error with [^'\n]{1,40}'s API\b/, 401],
  [/\b[Pp]ermission error with [^'\n]{1,40}'s API\b/, 403],
];

/** Google RPC status names (Vertex) and AWS exception names (Bedrock) -> HTTP status. */
const PLATFORM_CODES: Readonly<Record<string, number>> = {
  RESOURCE_EXHAUSTED: 429,
  NOT_FOUND: 404,
  PERMISSION_DENIED: 403,
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  UNAUTHENTICATED: 401,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
  ThrottlingException: 429,
  AccessDeniedException: 403,
  ValidationException: 400,
  ResourceNotFoundException: 404,
  ServiceUnavailableException: 503,
  InternalServerException: 500,
  ModelTimeoutException: 408,
  ServiceQuotaExceededException: 400,
  ExpiredTokenException: 403,
  UnrecognizedClientException: 403,
};
const PLATFORM_CODE_RE = new RegExp(`\\b(${Object.keys(PLATFORM_CODES).join('|')})\\b`);

/** Official error.type -> status, from the errors page (the credit message is the known 400 exception). */
export const TYPE_STATUS: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  conflict_error: 409,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/** SDK classes that name exactly one status (the TypeScript SDK 1.x classes: core/error.js STATUS_ERROR_CLASSES). */
const CLASS_STATUS: Readonly<Record<string, number>> = {
  BadRequestError: 400,
  AuthenticationError: 401,
  PaymentRequiredError: 402,
  PermissionDeniedError: 403,
  NotFoundError: 404,
  RequestTimeoutError: 408,
  PreconditionFailedError: 412,
  RequestTooLargeError: 413,
  ContentTooLargeError: 413,
  RateLimitError: 429,
  RequestHeaderFieldsTooLargeError: 431,
  ClientClosedRequestError: 499,
  OverloadedError: 529,
};

/** Every regex of inferStatus, for extraction's literal prefilter. */
export const STATUS_CUES: readonly RegExp[] = [...REASON_PHRASES.map(([re]) => re), PLATFORM_CODE_RE];

/** A status implied by words, platform codes, the error type or the SDK class, in that order. */
export function inferStatus(flat: string, type: string | null, sdkException: string | null, may: MayMatch = ALWAYS): number | null {
  for (const [re, status] of REASON_PHRASES) if (may(re) && re.test(flat)) return status;
  const platform = may(PLATFORM_CODE_RE) ? PLATFORM_CODE_RE.exec(flat)?.[1] : undefined;
  if (platform) return PLATFORM_CODES[platform] ?? null;
  if (type && TYPE_STATUS[type]) return TYPE_STATUS[type]!;
  if (sdkException && CLASS_STATUS[sdkException]) return CLASS_STATUS[sdkException]!;
  return null;
}
