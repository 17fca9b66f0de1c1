import { describe, expect, it } from 'vitest';
import type { Signals } from '../../src/contracts';
import { extractSignals, latestRetryOnly } from '../../src/extract';
import { normalizeText } from '../../src/normalize';
import { loadCorpus } from '../support/corpus';

const corpus = new Map(loadCorpus().map((c) => [c.id, c.text]));
const signalsOf = (text: string, now = new Date('2026-11-25T12:00:00Z')): Signals => extractSignals(normalizeText(text).flat, now).signals;

/** Real pastes from the dev corpus, one per format, with the signals they must yield. */
const TABLE: Array<[string, string, Partial<Signals>]> = [
  ['dev-002', 'Python SDK, single quotes, no top-level type', { status: 401, type: 'authentication_error', message: 'Invalid API Key', sdkException: 'AuthenticationError', client: 'python' }],
  ['dev-041', 'Python OverloadedError', { status: 529, type: 'overloaded_error', sdkException: 'OverloadedError', client: 'python' }],
  ['dev-036', 'TS SDK header dump + InternalServerError: 529', { status: 529, type: 'overloaded_error', requestId: 'req_01RCc7MbLyQNtGKzBTv8VCep', shouldRetry: true, headersPresent: true, client: 'typescript' }],
  ['dev-003', 'Claude Code /bug array, escaped JSON, German prose', { status: 400, type: 'invalid_request_error', requestId: 'req_011Cbr53dad6tQFhL2qejsTR', client: 'claude-code' }],
  ['dev-004', 'Chinese prose + numbers in the message', { status: 400, numbers: [203284, 200000], client: 'claude-code' }],
  ['dev-011', 'message broken over lines', { status: 401, message: 'OAuth token has expired. Please obtain a new token or refresh your existing token.' }],
  ['dev-016', 'two bodies: the latest (500) is primary', { status: 500, type: 'api_error', requestId: 'req_011CcLLH5z5hsVeceNEyfDMQ', errorCount: 2 }],
  ['dev-010', '404 model message', { status: 404, type: 'not_found_error', model: 'default', client: 'agent-sdk' }],
  ['dev-049', "LiteLLM's bytes repr inside Continue's error report", { status: 404, type: 'not_found_error', model: 'claude-3-5-sonnet-latest', client: 'continue' }],
  ['dev-048', 'Anthropic body inside a Google envelope', { status: 400, type: 'invalid_request_error', requestId: 'req_vrtx_011CX8LKNqFusFUVvygN5vEH', cloud: 'vertex' }],
  ['dev-058', 'OpenAI-shaped wrapper: its type says nothing', { status: 429, type: null, numbers: [20000] }],
  ['dev-046', 'Vertex RESOURCE_EXHAUSTED with no number', { status: 429, cloud: 'vertex' }],
  ['dev-040', 'reason phrase only', { status: 429, client: 'cherry-studio', sdkException: 'AI_APICallError' }],
  ['dev-050', 'Bedrock ValidationException', { status: 400, cloud: 'bedrock', client: 'bedrock', sdkException: 'ValidationException' }],
  ['dev-019', 'Claude Code on Bedrock', { status: 403, cloud: 'bedrock', model: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0' }],
  ['dev-042', 'Go gateway log', { status: 400, model: 'claude-opus-4-5-20251101', numbers: [200251, 200000] }],
  ['dev-063', 'another provider', { foreignProvider: 'openai', anthropicEvidence: false }],
  ['dev-059', 'org uuid and model inside a rate-limit message', { model: 'claude-opus-4-6', client: 'vercel-ai' }],
  ['dev-070', 'edge 403 with a non-standard type', { status: 403, type: 'forbidden', message: 'Request not allowed' }],
  ['dev-001', '529 banner without a body', { status: 529, type: 'overloaded_error', client: 'claude-code' }],
];

describe('signal extraction from real pastes', () => {
  it.each(TABLE)('%s (%s)', (id, _what, expected) => {
    const text = corpus.get(id);
    expect(text, `fixture ${id}`).toBeDefined();
    expect(signalsOf(text!)).toMatchObject(expected);
  });
});

describe('curl -i output with headers', () => {
  const paste = `HTTP/2 429
date: Wed, 25 Nov 2026 12:00:00 GMT
content-type: application/json
retry-after: 37
anthropic-ratelimit-input-tokens-limit: 2000000
anthropic-ratelimit-input-tokens-remaining: 0
anthropic-ratelimit-input-tokens-reset: 2026-11-25T12:00:37Z
request-id: req_018EeWyXxfu5pfWkrYcMdjWG

{"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your organization's rate limit of 2,000,000 input tokens per minute (org: 0b1c, model: claude-sonnet-4-6)."},"request_id":"req_018EeWyXxfu5pfWkrYcMdjWG"}`;

  it('reads status, retry-after, the rate-limit headers, the model and the request id', () => {
    const s = signalsOf(paste);
    expect(s).toMatchObject({
      status: 429,
      type: 'rate_limit_error',
      retryAfterSeconds: 37,
      headersPresent: true,
      requestId: 'req_018EeWyXxfu5pfWkrYcMdjWG',
      model: 'claude-sonnet-4-6',
      client: 'curl',
    });
    expect(s.rateLimitHeaders['anthropic-ratelimit-input-tokens-remaining']).toBe('0');
    expect(s.numbers).toContain(2000000);
  });

  it('prefers retry-after-ms and reads an HTTP-date retry-after against the pasted date', () => {
    expect(signalsOf('HTTP/1.1 529\nretry-after-ms: 1500\ncontent-type: application/json').retryAfterSeconds).toBe(1.5);
    expect(signalsOf('HTTP/1.1 429\ndate: Wed, 25 Nov 2026 12:00:00 GMT\nretry-after: Wed, 25 Nov 2026 12:01:30 GMT').retryAfterSeconds).toBe(90);
  });

  it('sees a spend-cap 429: headers shown, no retry-after, the error code', () => {
    const s = signalsOf(`HTTP/2 429
content-type: application/json
request-id: req_011CaaaaBBBBccccDDDD

{"type":"error","error":{"type":"rate_limit_error","message":"You have reached your API usage limits.","details":{"error_code":"enforced_spend_limit_reached"}}}`);
    expect(s).toMatchObject({ status: 429, headersPresent: true, retryAfterSeconds: null, errorCode: 'enforced_spend_limit_reached' });
  });

  it('reads the error code as the TypeScript SDK 1.x prints it on the error object (errorCode, details)', () => {
    // console.error(err) of an APIError: Node prints the fields unquoted (core/error.js sets errorCode and details).
    const s = signalsOf(`RateLimitError: 429 status code (no body)
    at APIError.generate (node_modules/@anthropic-ai/sdk/core/error.js:60:20) {
  status: 429,
  errorCode: 'contract_spend_limit_reached',
  details: { error_code: 'contract_spend_limit_reached' }
}`);
    expect(s).toMatchObject({ status: 429, errorCode: 'contract_spend_limit_reached' });
    expect(signalsOf('log.error("spend limit", e.error_code)  # e.error_code = "ramp_limit_exceeded"').errorCode).toBe('ramp_limit_exceeded');
  });
});

describe('OCR and retyping damage', () => {
  it.each([
    ['smart quotes', 'Error code: 429 - {\u2018type\u2019: \u2018error\u2019, \u2018error\u2019: {\u2018type\u2019: \u2018rate_limit_error\u2019, \u2018message\u2019: \u2018Rate limited\u2019}}', { status: 429, type: 'rate_limit_error' }],
    ['underscores read as spaces', 'Error code: 429 - {"type": "error", "error": {"type": "rate limit error", "message": "x"}}', { status: 429, type: 'rate_limit_error' }],
    ['0 read as O', 'Error code: 4O4 - {"type":"error","error":{"type":"not_found_error","message":"model: claude-sonnet-4.6"}}', { status: 404, model: 'claude-sonnet-4.6' }],
    ['full-width punctuation', 'Error code\uFF1A 401 \uFF0D {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}', { status: 401, type: 'authentication_error' }],
    ['class name split into words', 'anthropic.Rate Limit Error: Error code: 429', { sdkException: 'RateLimitError', status: 429 }],
  ] as const)('%s', (_name, paste, expected) => {
    expect(signalsOf(paste)).toMatchObject(expected);
  });
});

describe('OpenAI-shaped relay wrappers', () => {
  // Real paste (langbot-app/LangBot#867): a one-api style relay passes Anthropic's 400 on in OpenAI's shape.
  const relay = `模型请求失败: 请求参数错误: Error code: 400 - {'error': {'message': 'messages: first message must use the "user" role (request id: ) (request id: 20240812230606897709001qmTtjTcX)', 'type': 'invalid_request_error', 'param': '', 'code': None}}`;

  it('keeps the wrapper type when it agrees with the status written beside it', () => {
    expect(signalsOf(relay)).toMatchObject({ status: 400, type: 'invalid_request_error' });
  });

  it('still drops a wrapper type that contradicts its status (a 429 labelled invalid_request_error)', () => {
    expect(signalsOf(corpus.get('dev-058')!)).toMatchObject({ status: 429, type: null });
  });
});

describe('wrappers that print one error twice', () => {
  it('counts a Vercel AI SDK "Error Details" body (responseBody + data) as one error', () => {
    const paste = `Error Details: {"name":"AI_APICallError","statusCode":400,"responseBody":"{\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"invalid_request_error\\",\\"message\\":\\"messages.3.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`text\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block.\\"}}","isRetryable":false,"data":{"type":"error","error":{"type":"invalid_request_error","message":"messages.3.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`text\`."}}}`;
    const s = signalsOf(paste);
    expect(s).toMatchObject({ status: 400, type: 'invalid_request_error', client: 'vercel-ai', errorCount: 1 });
  });
});

describe('Claude Code retry sequences', () => {
  it('reads the latest retry line when the failure changed between attempts', () => {
    const flat =
      '⎿ API Error (Request timed out.) · Retrying in 37 seconds… (attempt 7/10) ⎿ API Error (Request timed out.) · Retrying in 34 seconds… (attempt 8/10) ' +
      '⎿ API Error (502 <html> <head><title>502 Bad Gateway</title></head> </html> ) · Retrying in 38 seconds… (attempt 9/10)';
    const { focus, signals, blanked } = extractSignals(flat);
    expect(focus).not.toContain('Request timed out');
    expect(focus).toContain('502 Bad Gateway');
    expect(signals.status).toBe(502);
    // Both older lines, each named by the rule that blanked it (the trace shows them), positions kept.
    expect(blanked.map((s) => s.rule)).toEqual(['older-retry-line', 'older-retry-line']);
    expect(blanked.map((s) => flat.slice(s.start, s.end).slice(0, 30))).toEqual(['API Error (Request timed out.)', 'API Error (Request timed out.)']);
    expect(focus).toHaveLength(flat.length);
  });

  it('keeps repeated identical retry lines and single lines as they are', () => {
    const same = 'API Error (Connection error.) · Retrying in 1 seconds… (attempt 1/10) API Error (Connection error.) · Retrying in 2 seconds… (attempt 2/10)';
    expect(latestRetryOnly(same)).toBe(same);
    const one = 'API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}) · Retrying in 18 seconds... (attempt 6/10)';
    expect(latestRetryOnly(one)).toBe(one);
  });
});

describe('Claude Code retry runs that end in a final status banner', () => {
  it('treats a status banner after the last retry line as the latest attempt', () => {
    // anthropics/claude-code#3197: timeouts, then the final attempt is a Cloudflare 520 page.
    const text =
      'API Error (Request timed out.) · Retrying in 1 seconds… (attempt 1/10) ⎿ API Error (Request timed out.) · Retrying in 5 seconds… (attempt 4/10) ' +
      '⎿ API Error (520 <!DOCTYPE html> <title>api.anthropic.com | 520: Web server is returning an unknown error</title>';
    const out = latestRetryOnly(text);
    expect(out).not.toContain('Request timed out');
    expect(out).toContain('API Error (520');
    expect(signalsOf(text).status).toBe(520);
  });

  it('keeps retry lines that name the same status, and ignores a final banner without one', () => {
    // anthropics/claude-code#2728: 504 retries ending in the 504 page; #8156: the user aborted.
    const same = 'API Error (api.anthropic.com | 504: Gateway time-out) · Retrying in 33 seconds… (attempt 10/10) ⎿ API Error: 504 <!DOCTYPE html>';
    expect(latestRetryOnly(same)).toBe(same);
    const aborted = 'API Error (api.anthropic.com | 504: Gateway time-out) · Retrying in 33 seconds… (attempt 8/10) ⎿ API Error: Operation aborted';
    expect(latestRetryOnly(aborted)).toBe(aborted);
  });
});

describe('a status printed before the API URL (SDK debug logs)', () => {
  it('reads "404 https://…aiplatform.googleapis.com/…" as the status', () => {
    // anthropics/claude-code#165: Claude Code on Vertex AI with ANTHROPIC_LOG=debug.
    const text =
      'Anthropic:DEBUG:response (error; (error; not retryable)) 404 https://us-east5-aiplatform.googleapis.com/v1/projects/REDACTED/locations/us-east5/publishers/anthropic/models/claude-3-7-sonnet-20250219:streamRawPredict';
    expect(signalsOf(text)).toMatchObject({ status: 404, cloud: 'vertex' });
  });

  it('does not read a number before another host as a status', () => {
    expect(signalsOf('I opened 404 https://example.com/docs and it was empty').status).toBeNull();
  });
});

describe("Claude Code's 'Request rejected (NNN)' banner", () => {
  it('reads the status written in parentheses after "Request rejected"', () => {
    // Real banners: anthropics/claude-code#69023 (subscription) and a Bedrock daily quota seen through Claude Code.
    expect(signalsOf('[BUG] API Error: Request rejected (429) · Rate limited. Please try again later.').status).toBe(429);
    expect(signalsOf('API Error: Request rejected (429) - Too many tokens per day, please wait before trying again.').status).toBe(429);
  });
});

describe("a proxy's own 5xx around the API's 4xx body", () => {
  // github.com/continuedev/continue/issues/5421 (Continue's model proxy)
  const continueProxy =
    '[Extension Host] Error: HTTP 500 Internal Server Error from https://api.continue.dev/model-proxy/v1/chat/completions\n\n' +
    'Error in Continue server: {"type":"error","error":{"type":"invalid_request_error","message":"You have reached your specified API usage limits. You will regain access on 2025-05-01 at 00:00 UTC."}}';
  it('reads the status the body\'s documented type names, not the proxy\'s 500', () => {
    expect(signalsOf(continueProxy)).toMatchObject({ status: 400, type: 'invalid_request_error' });
  });
  it('keeps a 5xx whose body agrees with it, and a 5xx around a body of the 5xx family', () => {
    expect(signalsOf('API Error: 500 {"type":"error","error":{"type":"api_error","message":"Internal server error"}}').status).toBe(500);
    expect(signalsOf('API Error: 503 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}').status).toBe(503);
  });
});

describe('relay wrappers that lead into the real body with a sentence', () => {
  it('reads the inner error, not the wrapper the first-line status points at', () => {
    // lbjlaq/Antigravity-Manager#179: a proxy re-labels a Vertex 400 as "429 … overloaded_error".
    const text =
      '429 {"error":{"message":"All 2 attempts failed. Last error: HTTP 400 Bad Request: {\\n  \\"error\\": {\\n    \\"code\\": 400,\\n    \\"message\\": ' +
      '\\"{\\\\\\"type\\\\\\":\\\\\\"error\\\\\\",\\\\\\"error\\\\\\":{\\\\\\"type\\\\\\":\\\\\\"invalid_request_error\\\\\\",\\\\\\"message\\\\\\":\\\\\\"messages.5.content.0.thinking.signature: Field required\\\\\\"}}\\",\\n    \\"status\\": \\"INVALID_ARGUMENT\\"\\n  }\\n}\\n","type":"overloaded_error"},"type":"error"}';
    const { signals, focus } = extractSignals(normalizeText(text).flat);
    expect(signals.message).toBe('messages.5.content.0.thinking.signature: Field required');
    expect(signals.type).toBe('invalid_request_error');
    expect(focus).toContain('thinking.signature: Field required');
  });
});

describe('fourth held-out round (4b)', () => {
  it('reads a status printed in the Java / Spring enum spelling ("[400 BAD_REQUEST]")', () => {
    // didalgolab/ai-intellij-plugin#39: Spring WebClient on api.anthropic.com.
    const text = 'Response exception, Status: [400 BAD_REQUEST], Body:[checkpoint("Body from POST https://api.anthropic.com/v1/messages [DefaultClientResponse]")]';
    expect(signalsOf(text).status).toBe(400);
    expect(signalsOf('HttpClientErrorException$TooManyRequests: 429 TOO_MANY_REQUESTS').status).toBe(429);
  });

  it("sees another provider behind LiteLLM's <Provider>Exception wrapper", () => {
    // Aider-AI/aider#4851: a DeepSeek balance error through LiteLLM.
    const text = 'litellm.BadRequestError: DeepseekException - {"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}';
    expect(signalsOf(text)).toMatchObject({ foreignProvider: 'deepseek', anthropicEvidence: false });
    expect(signalsOf('litellm.RateLimitError: GroqException - Rate limit reached').foreignProvider).toBe('groq');
    // A provider's numeric business code in the body beats a model name mentioned elsewhere (Ollama cloud models, ModelScope).
    expect(signalsOf('tried deepseek-v4-flash:cloud and kimi-k2.6:cloud\n  ⎿  API Error: 400 {"error":{"code":"1211","message":"Unknown Model, please check the model code."},"request_id":"202604280034427ba565263dda44b0"}').foreignProvider).toBe('zhipu');
    expect(signalsOf(`API Error: 400 {"detail":"Error code: 400 - {'error': {'code': '1210', 'message': 'API 调用参数有误，请检查文档。'}}"}`).foreignProvider).toBe('zhipu');
  });

  it('sees a Mistral model behind Bedrock by its Bedrock model id', () => {
    // langchain-ai/langchain#19215: LangChain's Bedrock class with a Mistral model.
    const text = "ValueError: Error raised by bedrock service: An error occurred (ValidationException) when calling the InvokeModel operation: Operation not allowed\n  demo_llm = Bedrock(model_id='mistral.mixtral-8x7b-instruct-v0:1')";
    expect(signalsOf(text)).toMatchObject({ foreignProvider: 'mistral', anthropicEvidence: false });
    expect(signalsOf("model_id='anthropic.claude-3-sonnet-20240229-v1:0'").foreignProvider).toBeNull();
  });
});

describe('field names are not values (issue 13, class 2)', () => {
  it("does not take a result object's terminal_reason for the error type, and reads its api_error_status", () => {
    // A Claude Code headless result frame (github.com/vercel/ai/issues/20210).
    const frame = '{"type":"result","subtype":"success","is_error":true,"api_error_status":400,"result":"API Error: 400 <provider message>","terminal_reason":"api_error"}';
    expect(signalsOf(frame)).toMatchObject({ status: 400, type: null, anthropicEvidence: true });
  });

  it('still reads an official type written as the value of "type"', () => {
    expect(signalsOf('{"type":"error","error":{"type":"api_error","message":"Internal server error"}}').type).toBe('api_error');
  });

  it("does not read the code in aiohttp's exception repr as an HTTP status", () => {
    const text = "aiohttp.client_exceptions.ClientPayloadError: Response payload is not completed: <TransferEncodingError: 400, message='Not enough data for satisfy transfer length header.'>";
    expect(signalsOf(text)).toMatchObject({ status: null, type: null });
    expect(signalsOf('TS SDK: Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"x"}}').status).toBe(400);
  });
});

describe('a bare status needs a status shape (issue 13, bare statuses)', () => {
  it("reads the SDKs' bodiless message `NNN status code (no body)` wherever it is quoted", () => {
    // anthropics/claude-code#59527: "every API call returns 403 status code (no body)".
    expect(signalsOf('Login reports success but every API call returns 403 status code (no body)').status).toBe(403);
  });

  it('reads the shapes a client or a log gives a status: a banner, HTTP, a reason phrase, a field', () => {
    expect(signalsOf('now just displaying "API Error 429"').status).toBe(429);
    expect(signalsOf('Actual Behavior: HTTP 429').status).toBe(429);
    expect(signalsOf('Please run /login · API Error: 403 Forbidden').status).toBe(403);
    expect(signalsOf("provider failed { providerId: 'anthropic', reason: 'http_error', httpStatus: 429 }").status).toBe(429);
    expect(signalsOf('{"status": 429, "detail": "slow down"}').status).toBe(429);
  });

  it('does not read a port, a line number or a token count as a status', () => {
    expect(signalsOf('claude mcp serve is listening on port 4290 and 429').status).toBeNull();
    expect(signalsOf('Claude Code crashed at cli.js line 403 column 12').status).toBeNull();
    expect(signalsOf('the prompt used 429 tokens and the reply 500 tokens').status).toBeNull();
  });
});

