/** Realistic pastes, as users type them into Slack. */
export const RATE_LIMIT_JSON =
  '{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}';
export const PYTHON_429 = 'anthropic.RateLimitError: Error code: 429';
export const OVERLOADED = '529 overloaded_error';
