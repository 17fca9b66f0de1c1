/**
 * Identifiers that appear in Claude API errors and that OCR or retyping splits at `_` or `-`
 * ("max tokens", "tool use id", "rate limit error"). The normalizer rejoins them, so catalogue rules
 * are written once against the canonical spelling.
 */
export const ERROR_TYPES = [
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'not_found_error',
  'rate_limit_error',
  'request_too_large',
  'overloaded_error',
  'billing_error',
  'timeout_error',
  'conflict_error',
] as const;

/** Official `error.type` values: the types above plus `api_error` (which OCR does not split), for every reader that asks "is this one of Claude's types". */
export const OFFICIAL_TYPES: ReadonlySet<string> = new Set<string>([...ERROR_TYPES, 'api_error']);

/** Identifiers whose words OCR may also separate with a space ("max tokens"). */
export const SPACE_SPLIT_IDENTIFIERS = [
  'enforced_spend_limit_reached',
  'redacted_thinking',
  'budget_tokens',
  'max_tokens_to_sample',
  'max_tokens',
  'tool_use_id',
  'tool_result',
  'tool_use',
  'tool_choice',
  'cache_control',
  'input_schema',
  'stop_reason',
  'media_type',
  'top_p',
  'top_k',
] as const;

/** Names the API wraps in backticks; OCR reads those backticks as quotes (‘thinking’, "max_tokens'). */
export const BACKTICKED = [
  'thinking.budget_tokens',
  'redacted_thinking',
  'tool_use_id',
  'tool_result',
  'tool_use',
  'max_tokens',
  'budget_tokens',
  'thinking',
  'temperature',
  'top_p',
  'top_k',
] as const;

/**
 * Identifiers only rejoined across `_`/`-` confusion: with a space they are ordinary prose
 * ("Error code: 429", "retry after 5 s") and must stay as written.
 */
export const DASH_SPLIT_IDENTIFIERS = [
  'request_id',
  'error_code',
  'x-should-retry',
  'retry-after-ms',
  'retry-after',
  'x-api-key',
  'anthropic-version',
  'anthropic-beta',
  'content_block_delta',
  'message_start',
] as const;

/** SDK exception classes that OCR and retyping split into words ("Rate Limit Error"). */
export const SDK_CLASSES = [
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'RequestTooLargeError',
  'UnprocessableEntityError',
  'RateLimitError',
  'OverloadedError',
  'APIConnectionError',
  'APITimeoutError',
  'APIConnectionTimeoutError',
  'APIStatusError',
  'ServiceUnavailableError',
  'DeadlineExceededError',
  // The TypeScript SDK 1.x names these statuses too (CHANGELOG 1.5.0, core/error.js).
  'PaymentRequiredError',
  'RequestTimeoutError',
  'PreconditionFailedError',
  'ContentTooLargeError',
  'RequestHeaderFieldsTooLargeError',
  'ClientClosedRequestError',
  'GatewayTimeoutError',
  'NotImplementedError',
] as const;
