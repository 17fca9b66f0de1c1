/** Where a status code is written, most explicit first. Each regex captures the code in group 1. */
const STATUS_PATTERNS: readonly RegExp[] = [
  /\bError code: ([1-5]\d\d)\b/g, // Python SDK: Error code: 429 - {...}
  /\bAPI Error:? ?\(?([1-5]\d\d)\b/g, // Claude Code: API Error: 400 / API Error (529 ...
  /\b[A-Za-z_]*(?:Error|Exception)\d*:? ([1-5]\d\d) ?[{["']/g, // TS SDK: Error: 400 {, InternalServerError: 529 {
  /\b([1-5]\d\d) \[?\{\s*["'](?:type|error)["']/g, // bare "429 {"type":"error"" and "[VERTEX] 404 [{"error""
  /\bstatus(?: code)?["']?\s*[:=]?\s*([1-5]\d\d)\b/gi, // status: 529, Status Code: 404, "status": 400
  /\bHTTP\/[\d.]+ ([1-5]\d\d)\b/g, // curl -i
  /\b(?:Last status|HTTP|Error|statusCode)[: ]+([1-5]\d\d)\b/g, // All 3 attempts failed. Last status: 404; Error 404,
  /["']code["']\s*:\s*["']?([1-5]\d\d)\b/g, // Google / OpenRouter / LiteLLM envelopes
  /\b([45]\d\d) (?:Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|Conflict|Request Entity Too Large|Payload Too Large|Too Many Requests|Internal Server Error|Service Unavailable|Gateway Timeout|Overloaded)\b/g,
  /\b(?:failed|error)(?: with)?:? ([45]\d\d)\b/gi, // API request failed: 401
];

export interface StatusMention {
  status: number;
  index: number;
}

export function findStatusMentions(flat: string): StatusMention[] {
  const found = new Map<number, number>();
  for (const re of STATUS_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(flat); m; m = re.exec(flat)) {
      const status = Number(m[1]);
      if (status >= 400) found.set(m.index, status);
    }
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([index, status]) => ({ index, status }));
}

/** When no number is written, these words still say which status it was. */
const REASON_PHRASES: ReadonlyArray<[RegExp, number]> = [
  [/\bToo Many Requests\b/, 429],
  [/\b(?:Request Entity|Payload) Too Large\b/, 413],
  [/\bGateway Timeout\b/, 504],
  [/\bService Unavailable\b/, 503],
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

/** SDK classes that name exactly one status. */
const CLASS_STATUS: Readonly<Record<string, number>> = {
  BadRequestError: 400,
  AuthenticationError: 401,
  PermissionDeniedError: 403,
  NotFoundError: 404,
  RequestTooLargeError: 413,
  RateLimitError: 429,
  OverloadedError: 529,
};

/** A status implied by words, platform codes, the error type or the SDK class, in that order. */
export function inferStatus(flat: string, type: string | null, sdkException: string | null): number | null {
  for (const [re, status] of REASON_PHRASES) if (re.test(flat)) return status;
  const platform = PLATFORM_CODE_RE.exec(flat)?.[1];
  if (platform) return PLATFORM_CODES[platform] ?? null;
  if (type && TYPE_STATUS[type]) return TYPE_STATUS[type]!;
  if (sdkException && CLASS_STATUS[sdkException]) return CLASS_STATUS[sdkException]!;
  return null;
}
