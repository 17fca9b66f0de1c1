import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { OFFICIAL_TYPES } from '../../src/extract';
import { PROVIDERS } from '../../src/knowledge/providers';
import { CONFIDENT } from '../../src/match';

// The one "not from Anthropic's API" decision (catalog/entries/not-from-claude-api.yaml,
// claude-app-own-error.yaml; `scope` rules in src/match/rank.ts), as a user meets it.
const doctor = createDoctor({ now: () => new Date('2026-11-25T12:00:00Z') });
const ask = (text: string) => doctor.diagnose({ platform: 'test', text });

describe('a paste with nothing from Claude in it', () => {
  // https://github.com/bitbybyte/fantiadl/issues/106
  const requests = 'requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://fantia.jp/api/v1/posts/...';

  it('is answered "not from Claude\'s API" as a hedge, naming the host that answered — not "I don\'t recognise this"', async () => {
    const d = await ask(requests);
    expect(d.category).toBe('out_of_scope');
    expect(d.entry).toBe('not-from-claude-api');
    expect(d.confidence).toBeLessThan(CONFIDENT);
    expect(d.reply).toMatch(/Nothing in this paste comes from Claude's API/);
    expect(d.reply).toContain('`fantia.jp`');
  });

  it('still goes to a specific entry when one recognises the paste (another provider by name)', async () => {
    const d = await ask('RateLimitError: OpenAIException - Error code: 429 - You exceeded your current quota');
    expect(d.category).toBe('out_of_scope');
    expect(d.entry).not.toBe('not-from-claude-api');
  });

  it('is not taken for a bare error from Bedrock or Vertex AI, which serve Claude', async () => {
    const d = await ask('Vertex AI request failed with an unexpected response');
    expect(d.entry).not.toBe('not-from-claude-api');
  });

  it('is not taken for a paste that carries a mark of the Claude API (its host)', async () => {
    const d = await ask('requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://api.anthropic.com/v1/messages');
    expect(d.entry).not.toBe('not-from-claude-api');
  });
});

describe("another service's error envelope", () => {
  // https://github.com/ikechan8370/chatgpt-plugin/issues/703
  const google = 'Error: {\n  "error": {\n    "code": 400,\n    "message": "Request contains an invalid argument.",\n    "status": "INVALID_ARGUMENT"\n  }\n}';

  it("is answered confidently as not Claude's, naming Google's format, whatever Claude entry its wording wakes", async () => {
    const d = await ask(google);
    expect(d.category).toBe('out_of_scope');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(d.reply).toContain("Google's API error format");
  });

  it("puts an openai SDK error with nothing from Claude below no Claude guess: a hedge that names the SDK, not 'some 400'", async () => {
    // https://github.com/ATH-MaaS/ComfyUI-Copilot/issues/145, its first line without the body
    const d = await ask('openai.BadRequestError: Error code: 400');
    expect(d.category).toBe('out_of_scope');
    expect(d.confidence).toBeLessThan(CONFIDENT);
    expect(d.reply).toContain('the openai SDK raised');
    const anthropic = await ask('anthropic.BadRequestError: Error code: 400');
    expect(anthropic.category).not.toBe('out_of_scope');
  });

  it('is sure when the openai SDK prints the body: its string `code` is not in a Claude error object', async () => {
    // https://github.com/ATH-MaaS/ComfyUI-Copilot/issues/145
    const d = await ask(
      "openai.BadRequestError: Error code: 400 - {'error': {'message': \"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.\", 'type': 'invalid_request_error', 'param': 'max_tokens', 'code': 'unsupported_parameter'}}",
    );
    expect(d.category).toBe('out_of_scope');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(d.reply).toContain('an error object with a `code` field');
  });

  it("answers a Vertex AI error about a Google-published model as that model's, not a Claude model's", async () => {
    // https://github.com/GoogleCloudPlatform/generative-ai/issues/1571
    const d = await ask('NotFound: 404 Publisher Model `publishers/google/models/textembedding-gecko@latest` is not found.');
    expect(d.category).toBe('out_of_scope');
    expect(d.reply).toContain('a model published by Google on Vertex AI');
    const claude = await ask('NotFound: 404 Publisher Model `projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929` was not found');
    expect(claude.category).toBe('cloud.vertex');
  });

  it('leaves a Vertex AI quota error in that format to the Vertex entry (Vertex words its errors for Claude that way)', async () => {
    const vertex = '{"code": 429, "message": "Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model. Please submit a quota increase request.", "status": "RESOURCE_EXHAUSTED"}';
    const d = await ask(vertex);
    expect(d.category).toBe('cloud.vertex');
  });
});

describe("Claude's own app failing locally", () => {
  // https://github.com/disler/claude-code-hooks-multi-agent-observability/issues/11
  const crash =
    "TypeError: Cannot read properties of undefined (reading 'message')\n    at file:///opt/homebrew/lib/node_modules/@anthropic-ai/claude-code/cli.js:2475:798\n    at Array.filter (<anonymous>)";

  it("is answered as the app's own error, with Claude Code's steps", async () => {
    const d = await ask(crash);
    expect(d.category).toBe('out_of_scope');
    expect(d.entry).toBe('claude-app-own-error');
    expect(d.confidence).toBeLessThan(CONFIDENT);
    expect(d.reply).toContain('claude update');
    expect(d.reply).toContain('claude doctor');
  });

  it('never takes an API error Claude Code prints', async () => {
    // https://github.com/anthropics/claude-code/issues/9867
    const d = await ask(
      '⎿  Received 4.5KB (200 OK)\nAPI Error: 401 {"type":"error","error":{"type":"authentication_error","message":"OAuth authentication is currently not supported."},"request_id":"req_011CUFAohAZGifCkXSKRPk6x"} · Please run /login',
    );
    expect(d.category).not.toBe('out_of_scope');
    const bare = await ask('⏺ claude-code\n  ⎿  API Error: Request was aborted.');
    expect(bare.entry).not.toBe('claude-app-own-error');
  });
});

describe("a status inside a tool's result", () => {
  // https://github.com/anthropics/claude-code/issues/22846
  const webFetch = '⏺ Fetch(https://en.wikipedia.org/wiki/Distributed_cognition)\n  ⎿  Error: Request failed with status code 403';

  it("is the fetched site's, not the API's: no API entry fires and the reply names the site", async () => {
    const d = await ask(webFetch);
    expect(d.signals.status).toBeNull();
    expect(d.category).toBe('out_of_scope');
    expect(d.reply).toContain('`en.wikipedia.org`');
    expect(`${d.reply}\n${d.details}`).toMatch(/If a tool failed \(Fetch \/ WebFetch, Bash, an MCP tool\)/);
  });

  it('still reads the status of an axios error outside a tool result', async () => {
    const d = await ask('AxiosError: Request failed with status code 429\n    at settle (node_modules/axios/lib/core/settle.js:19:12)');
    expect(d.signals.status).toBe(429);
  });
});

describe("another service's error object: a string `code` field (not Claude's {type, message})", () => {
  // https://github.com/router-for-me/CLIProxyAPI/issues/1655
  const relay =
    '=== API RESPONSE ===\n{"error":{"code":"model_cooldown","message":"All credentials for model claude-sonnet-4-6 are cooling down","model":"claude-sonnet-4-6","reset_seconds":459202,"reset_time":"127h33m21s"}}\n\n=== RESPONSE ===\nStatus: 429\nRetry-After: 459202';

  it("is answered as not Claude's even though it names a Claude model, and never as Claude's rate limit", async () => {
    const d = await ask(relay);
    expect(d.category).toBe('out_of_scope');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(d.reply).toContain('an error object with a `code` field');
  });

  it("is the relay's answer when Claude Code prints it too (Claude Code shows whatever its base URL answered)", async () => {
    // https://github.com/router-for-me/CLIProxyAPI/issues/913
    const d = await ask(
      '  ⎿  API Error: 429 {"error":{"code":"model_cooldown","message":"All credentials for model gemini-claude-sonnet-4-5-thinking are cooling down via provider antigravity","model":"gemini-claude-sonnet-4-5-thinking","reset_seconds":1768}}',
    );
    expect(d.category).toBe('out_of_scope');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
  });

  it("leaves a relay's wrapper around Claude's own error to the Claude entry (the wrapped error is the cause)", async () => {
    // https://github.com/CherryHQ/cherry-studio/issues/2840 (dev fixture hh-049): the relay judged a Claude request field
    const wrapped = await ask(
      '{"error": {"message": "json: cannot unmarshal number 3276.8 into Go struct field Thinking.thinking.budget_tokens of type int", "type": "new_api_error", "param": "", "code": "invalid_text_request"}}',
    );
    expect(wrapped.category).toBe('request.thinking');
    const claudeBody = await ask(
      'API Error: 429 {"error":{"code":"rate_limit_exceeded","message":"{\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"rate_limit_error\\",\\"message\\":\\"This request would exceed your account\'s rate limit.\\"}}"}}',
    );
    expect(claudeBody.category).not.toBe('out_of_scope');
  });

  it('decides through the openai SDK too: a Claude model id sent to an OpenAI-style endpoint is that endpoint\'s answer', async () => {
    // The shape of OpenAI's model_not_found body as the openai SDK prints it (as in
    // https://github.com/Aider-AI/aider/issues/2030), here for a Claude id: the Claude id keeps the
    // openai-sdk envelope's "nothing from Claude" from holding, and the body's `code` still decides.
    const d = await ask(
      "openai.NotFoundError: Error code: 404 - {'error': {'message': 'The model `claude-sonnet-4-20250514` does not exist or you do not have access to it.', 'type': 'invalid_request_error', 'param': None, 'code': 'model_not_found'}}",
    );
    expect(d.category).toBe('out_of_scope');
    expect(d.entry).not.toBe('not-found-path');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
  });
});

describe('code that does not compile', () => {
  it('is no API call, whatever Anthropic type the compiler names', async () => {
    // https://github.com/mem0ai/mem0/issues/3534
    const ts = await ask("src/oss/src/llms/anthropic.ts(42,32): error TS2339: Property 'text' does not exist on type 'ContentBlock'.");
    expect(ts.category).toBe('out_of_scope');
    expect(ts.entry).toBe('code-does-not-compile');
    // https://github.com/tghamm/Anthropic.SDK/issues/95
    const cs = await ask("'MessagesEndpoint' does not contain a definition for 'AsBuilder' and no accessible extension method 'AsBuilder' accepting a first argument of type 'MessagesEndpoint' could be found");
    expect(cs.category).toBe('out_of_scope');
    expect(`${cs.reply}\n${cs.details}`).toMatch(/does not compile|No request was sent/);
  });

  it('leaves a Python runtime AttributeError on the anthropic SDK to the SDK-usage entries', async () => {
    const d = await ask("AttributeError: 'Anthropic' object has no attribute 'messages'");
    expect(d.category).toBe('sdk.usage');
  });
});

describe('wording other servers share, with nothing from Claude in the paste', () => {
  it("does not take pydantic's validation message from a self-hosted server for Claude's", async () => {
    // https://github.com/langchain-ai/openwiki/issues/626
    const d = await ask('400: 1 validation error for Message\ncontent.0\n  Input should be a valid dictionary or instance of Content');
    expect(d.category).not.toBe('request.messages_format');
    const claude = await ask('{"type":"error","error":{"type":"invalid_request_error","message":"messages.0.content: Input should be a valid list"}}');
    expect(claude.category).toBe('request.messages_format');
  });

  it("does not blame a gateway in front of Claude for another server's 403 page", async () => {
    // https://github.com/searxng/searxng/issues/4308
    const d = await ask('Error 403: <!doctype html> <html lang=en> <title>403 Forbidden</title> <h1>Forbidden</h1> <p>You don&#39;t have the permission to access the requested resource.</p>');
    expect(d.category).toBe('out_of_scope');
    expect(d.confidence).toBeLessThan(CONFIDENT);
  });
});

describe("a Claude Code report that retells the server's answer", () => {
  it("is not answered as the app's own failure", async () => {
    // https://github.com/anthropics/claude-code/issues/74714
    const org = await ask('Claude Code keeps printing: Your organization has disabled Claude subscription access for Claude Code · Use an Anthropic API key instead, or ask your admin to enable access');
    expect(org.entry).not.toBe('claude-app-own-error');
    const status = await ask('[BUG] Claude Code on Bedrock: every request is throwing 400 error since the update');
    expect(status.entry).not.toBe('claude-app-own-error');
  });

  it("that names an API concept the catalogue knows gets that entry's answer (a hedge at least), not the app's own error", async () => {
    // Worded like a bug report's title and log, no "API Error:" line (the words of
    // catalog/entries/max-tokens-over-model-limit.yaml, stream-connection-dropped.yaml, image-too-large.yaml).
    const tokens = await ask('[BUG] Error: max_tokens 200001 > 128000 on the default session since 2.1.x');
    expect(tokens.category).toBe('request.max_tokens');
    const stall = await ask('Claude Code extension keeps stopping mid-answer.\n[WARN] [Stall] stream_idle_partial lastChunkAgeMs=15002 bytesTotal=700\nsdk_stream_ended_no_result had_error=true');
    expect(stall.category).toBe('streaming.interrupted');
    const image = await ask('Claude Code: Image base64 size (6.3 MB) exceeds API limit (5 MB). Please resize the image before sending.');
    expect(image.category).toBe('request.image');
    for (const d of [tokens, stall, image]) expect(d.entry).not.toBe('claude-app-own-error');
  });

  it('is no error shape by itself: a question about "500 errors" is still asked for the error, not called another service\'s', async () => {
    const d = await ask('is anyone else getting 500 errors from the API today?');
    expect(d.category).toBe('unknown');
  });
});

describe('a FastAPI request-validation body (422 {"detail":[{"loc":…,"msg":…}]}), which the Claude API never sends', () => {
  // https://github.com/Alishahryar1/free-claude-code/issues/707 (a local proxy behind Claude Code)
  const proxied = `API Error: 422 {"detail":[{"type":"literal_error","loc":["body","messages",1,"role"],"msg":"Input should be 'user' or 'assistant'","input":"system","ctx":{"expected":"'user' or 'assistant'"}}]}`;

  it("is answered confidently as another server's check of the request, even inside Claude Code's API Error line", async () => {
    const d = await ask(proxied);
    expect(d.category).toBe('out_of_scope');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(d.reply).toContain('FastAPI request-validation body');
  });

  it("leaves the same wording in Claude's own error body to the Claude entries", async () => {
    const d = await ask(`API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"messages.1.role: Input should be 'user' or 'assistant'"}}`);
    expect(d.category).not.toBe('out_of_scope');
  });
});

describe('a Vertex AI quota refusal', () => {
  // https://github.com/googleapis/python-genai/issues/2001 (a Gemini user's error block; no model named in it)
  const bare = '429 Resource exhausted. Please try again later.\nPlease refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429\nstatus: RESOURCE_EXHAUSTED';

  it("with nothing of Claude in it is not answered confidently as a Claude model's quota (Vertex serves Gemini too)", async () => {
    const d = await ask(bare);
    expect(d.category === 'cloud.vertex' && d.confidence >= CONFIDENT).toBe(false);
  });

  it('naming a Claude model is still the Vertex quota answer, confidently', async () => {
    const d = await ask(`${bare}\nmodel: claude-sonnet-4-5@20250929`);
    expect(d.category).toBe('cloud.vertex');
    expect(d.entry).toBe('vertex-quota-exceeded');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
  });
});

describe("a TLS certificate error an MCP client reports", () => {
  // https://github.com/modelcontextprotocol/inspector/issues/584 (a self-hosted MCP server behind a private CA)
  const mcp = `Error from MCP server: TypeError: fetch failed
    at async StreamableHTTPClientTransport.send (file:///Users/x/node_modules/@modelcontextprotocol/sdk/dist/esm/client/streamableHttp.js:267:30) {
  [cause]: Error: self-signed certificate in certificate chain
    code: 'SELF_SIGNED_CERT_IN_CHAIN'`;

  it("is the MCP server's certificate, not the API's or the proxy's", async () => {
    const d = await ask(mcp);
    expect(d.category).toBe('out_of_scope');
    expect(d.entry).toBe('mcp-server-error');
  });

  it("while the same certificate error from the API's client stays a connection problem to fix with the proxy's CA", async () => {
    const d = await ask("APIConnectionError: Connection error.\n  [cause]: Error: self-signed certificate in certificate chain\n    code: 'SELF_SIGNED_CERT_IN_CHAIN'");
    expect(d.category).toBe('network.connection');
  });
});

describe("an error object that is not the Claude API's (catalog/providers.yaml anthropic.errorTypes)", () => {
  // https://github.com/BigPizzaV3/CodexPlusPlus/issues/267 (MiniMax's Anthropic-compatible endpoint)
  const minimax =
    '{"type":"error","error":{"type":"bad_request_error","message":"invalid params, chat content has invalid message role: system (2013)","http_code":"400"},"request_id":"0660b098aa1e9dd5a6773a48c479fc89"}';

  it("is another server's answer when its type is none of Claude's, even inside Claude's outer wrapper", async () => {
    const d = await ask(minimax);
    expect(d.category).toBe('out_of_scope');
    expect(d.entry).toBe('not-from-claude-api');
    expect(d.reply).toContain("an error object that is not the Claude API's");
  });

  it("stays Claude's when the same object carries one of Claude's types", async () => {
    const d = await ask(minimax.replace('bad_request_error', 'invalid_request_error').replace(' (2013)', ''));
    expect(d.category).not.toBe('out_of_scope');
  });

  it("yields to an exact Claude wording a relay re-typed (a shape, not proof): the relay passed Claude's own message on", async () => {
    const d = await ask('400 {"error":{"code":"400","type":"invalid_params","message":"messages.1.content.1.image.source.base64: image exceeds 5 MB maximum: 5272940 bytes > 5242880 bytes"}}');
    expect(d.category).toBe('request.image');
  });

  it('lists exactly the documented types, the installed SDK\'s ErrorType union, and the edge\'s `forbidden`', () => {
    const shared = readFileSync(new URL('../../node_modules/@anthropic-ai/sdk/resources/shared.d.ts', import.meta.url), 'utf8');
    const union = /export type ErrorType = ([^;]+);/.exec(shared)![1]!.match(/'([a-z_]+)'/g)!.map((t) => t.slice(1, -1));
    const expected = new Set([...OFFICIAL_TYPES, ...union, 'forbidden']);
    expect([...PROVIDERS.errorTypes].sort()).toEqual([...expected].sort());
  });
});

describe("a vendor's numeric code closing the message (MiniMax's \"… (2013)\")", () => {
  // https://github.com/netease-youdao/LobsterAI/pull/123 — the body copies Claude's wrapper and type
  const line = 'API Error: 400 {"type":"error","error":{"type":"api_error","message":"invalid params, invalid chat setting (2013)"}}';

  it("is another server's message, not a Claude api_error, whatever Claude body it copies", async () => {
    const d = await ask(line);
    expect(d.category).toBe('out_of_scope');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(d.reply).toContain("a vendor's numeric error code");
  });

  it('wins over the exact Claude wording it copies', async () => {
    const copied = 'API Error: 400 invalid params, messages.2.content.0.tool_use.input: Input should be a valid dictionary (2013)';
    expect((await ask(copied)).category).toBe('out_of_scope');
    expect((await ask(copied.replace(' (2013)', ''))).category).toBe('request.messages_format');
  });
});

describe("another app's own message, with nothing from Claude in it", () => {
  it('is the hedged "not from Claude\'s API" for an error object in any casing, while a question with no error stays unrecognised', async () => {
    // https://github.com/decolua/9router/issues/2509, the object's opening only
    expect((await ask('{"error":{"message":"[minimax/MiniMax-M3] [400]: ')).category).toBe('out_of_scope');
    expect((await ask('hey all, is the API slow for anyone else today?')).category).toBe('unknown');
  });
});

describe("an app that runs Claude Code retelling its login refusal", () => {
  it("keeps the login as the cause (a hint), instead of calling it the app's own failure", async () => {
    // https://github.com/nexu-io/open-design/issues/1873
    const d = await ask('When I enter a promp I received the error\n"Claude Code could not authenticate. Run `claude`, use `/login`, then retry the Open Design request."');
    expect(d.entry).toBe('missing-credentials');
    expect(d.confidence).toBeLessThan(CONFIDENT);
    expect(d.reply).toMatch(/\/login/);
  });
});

// Where the error text came from (src/extract/source.ts): naming Claude says the user uses it
// somewhere, not that Claude's API wrote the error.
describe('a paste that only names Claude', () => {
  // https://github.com/microsoft/vscode-copilot-release/issues/3231 (Claude 3.5 picked in Copilot Chat)
  const copilot = 'Sorry, your request failed. Please try again. Request id: 0fbf43af-64e3-4c3e-9eca-5b111e3c5ad7\n\nthis is given by github copilot\n\nstep 1: - select claude 3.5 ai model';

  it("is answered as GitHub Copilot's error, naming Copilot", async () => {
    const d = await ask(copilot);
    expect(d.category).toBe('out_of_scope');
    expect(d.reply).toContain('GitHub Copilot');
  });

  it('gets the hedge, not "I don\'t recognise this", when another program\'s error names a Claude model', async () => {
    const d = await ask('Using Claude Sonnet 4.5 in my workflow:\nNodeApiError: Bad request - please check your parameters\n    at ExecuteContext.execute (/usr/lib/node_modules/n8n/dist/nodes/Foo.node.js:12:3)');
    expect(d.entry).toBe('not-from-claude-api');
    expect(d.confidence).toBeLessThan(CONFIDENT);
    expect(d.signals.claudeSignal).toBe(false);
    expect(d.signals.anthropicEvidence).toBe(true);
  });

  it('says in --explain which evidence decided where the text came from', async () => {
    const named = await doctor.diagnose({ platform: 'test', text: 'Claude request failed: Error: ECONNRESET', explain: true });
    expect(named.trace?.source).toMatch(/^not from Claude: no mark of the Claude API/);
    const marked = await doctor.diagnose({ platform: 'test', text: 'anthropic.RateLimitError: Error code: 429', explain: true });
    expect(marked.trace?.source).toMatch(/^from Claude: the Claude API's own mark `anthropic\.RateLimitError`/);
  });

  it('tells the user what answered and what to check first: the app that printed it, and the service in between', async () => {
    const d = await ask('Cursor keeps failing with Claude 4 Sonnet:\nConnection failed. If the problem persists, please check your internet connection or VPN');
    expect(d.entry).toBe('not-from-claude-api');
    expect(d.reply).toContain('Cursor printed it');
    // The first step speaks to a Copilot / OpenRouter / relay / workflow user, not only to a stack-trace reader.
    expect(d.reply).toMatch(/1\. If Claude is reached through another service \(GitHub Copilot, OpenRouter, a relay or proxy/);
  });

  it("keeps an official wording's entry: the hedge only answers what no entry recognises", async () => {
    const d = await ask('Claude says: Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.');
    expect(d.entry).not.toBe('not-from-claude-api');
  });
});
