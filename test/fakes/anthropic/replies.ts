/**
 * Builders for the replies the fake Messages API sends. Bodies follow the real wire shapes:
 * a Message for 200, `{type:"error", error:{type, message, details?}, request_id}` for errors.
 */

/** One scripted reply. `hang` never answers; `junk` sends a raw, malformed body. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering (the client may give up first). */
  delayMs?: number;
  /** Accept the request and never answer; `close()` destroys the socket. */
  hang?: boolean;
  /** Send the status, headers and the first half of the body, then stall (a stream cut mid-way). */
  stallBody?: boolean;
  /** Send this text as the body, unparsed (e.g. a truncated JSON document). */
  junk?: string;
}

let messageCounter = 0;

/** A 200 Message whose only content block calls `toolName` with `input` (a forced-tool answer). */
export function toolUseReply(
  input: unknown,
  opts: { toolName?: string; model?: string; stopReason?: string; headers?: Record<string, string> } = {},
): FakeReply {
  messageCounter += 1;
  return {
    status: 200,
    headers: opts.headers,
    body: {
      id: `msg_fake_${messageCounter}`,
      type: 'message',
      role: 'assistant',
      model: opts.model ?? 'claude-haiku-5-5',
      content: [{ type: 'tool_use', id: `toolu_fake_${messageCounter}`, name: opts.toolName ?? 'record_diagnosis', input }],
      stop_reason: opts.stopReason ?? 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 1200, output_tokens: 150, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    },
  };
}

/** A 200 Message with text only (what a model that ignored `tool_choice` would send). */
export function textReply(text: string, opts: { model?: string; stopReason?: string } = {}): FakeReply {
  messageCounter += 1;
  return {
    status: 200,
    body: {
      id: `msg_fake_${messageCounter}`,
      type: 'message',
      role: 'assistant',
      model: opts.model ?? 'claude-haiku-5-5',
      content: [{ type: 'text', text }],
      stop_reason: opts.stopReason ?? 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 1200, output_tokens: 40 },
    },
  };
}

/** An API error with the real body shape. */
export function errorReply(
  status: number,
  type: string,
  message: string,
  opts: { headers?: Record<string, string>; errorCode?: string } = {},
): FakeReply {
  const error: Record<string, unknown> = { type, message };
  if (opts.errorCode) error.details = { error_code: opts.errorCode };
  return { status, headers: opts.headers, body: { type: 'error', error, request_id: 'req_fake_error' } };
}

export const overloaded = (headers: Record<string, string> = {}): FakeReply =>
  errorReply(529, 'overloaded_error', 'Overloaded', { headers });

export const rateLimited = (retryAfterSeconds: number | null, headers: Record<string, string> = {}): FakeReply =>
  errorReply(429, 'rate_limit_error', 'This request would exceed your organization’s rate limit.', {
    headers: retryAfterSeconds === null ? headers : { 'retry-after': String(retryAfterSeconds), ...headers },
  });

/** The monthly spend cap: a 429 with `enforced_spend_limit_reached` and no retry-after. */
export const spendLimitReached = (): FakeReply =>
  errorReply(429, 'rate_limit_error', 'You have reached your specified API usage limits.', {
    errorCode: 'enforced_spend_limit_reached',
  });

export const badRequest = (message = 'messages: field required'): FakeReply =>
  errorReply(400, 'invalid_request_error', message);

/**
 * The 400 the newest models give a forced `tool_choice` (`any` / `tool`). The exact wording is not
 * documented (facts audit, "Not verified"); this one names `tool_choice`, as the fallback expects.
 */
export const forcedToolRejected = (): FakeReply =>
  badRequest('tool_choice: forced tool use is not supported for this model; use tool_choice "auto" or structured outputs instead.');

export const invalidApiKey = (): FakeReply => errorReply(401, 'authentication_error', 'invalid x-api-key');

export const hang = (): FakeReply => ({ hang: true });

/** A reply whose headers arrive but whose body never finishes. */
export const stallBody = (reply: FakeReply): FakeReply => ({ ...reply, stallBody: true });

/** A model for `GET /v1/models`: an id (lifecycle `active`), or an id with its lifecycle. */
export type FakeModel = string | { id: string; lifecycle: 'active' | 'deprecated' | 'retired' };

/**
 * One page of `GET /v1/models` in the real wire shape (`ModelInfo` objects and `has_more`,
 * `first_id`, `last_id`), honouring `limit` (default 20, as the API) and `after_id`.
 */
export function modelListPage(models: readonly FakeModel[], query: URLSearchParams): FakeReply {
  const all = models.map((m) => (typeof m === 'string' ? { id: m, lifecycle: 'active' as const } : m));
  const limit = Math.min(Math.max(Number(query.get('limit') ?? 20) || 20, 1), 1000);
  const after = query.get('after_id');
  const start = after ? all.findIndex((m) => m.id === after) + 1 : 0;
  const page = all.slice(start, start + limit);
  const data = page.map(({ id, lifecycle }) => ({
    type: 'model',
    id,
    display_name: id.replace(/^claude-/, 'Claude ').replace(/-(\d+)-(\d+)$/, ' $1.$2'),
    created_at: '2026-10-07T00:00:00Z',
    lifecycle,
    deprecated_at: lifecycle === 'active' ? null : '2026-11-23T00:00:00Z',
    retires_at: lifecycle === 'active' ? null : '2027-01-22T00:00:00Z',
    line: /^claude-(opus|sonnet|haiku|fable|mythos)-/.exec(id)?.[1] ?? null,
    max_input_tokens: 1_000_000,
    max_tokens: 128_000,
    capabilities: null,
  }));
  return {
    status: 200,
    body: { data, has_more: start + limit < all.length, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null },
  };
}
