import { describe, expect, it } from 'vitest';
import type { Signals } from '../../src/contracts';
import { extractSignals } from '../../src/extract';
import { createDoctor } from '../../src/doctor';
import { normalizeText } from '../../src/normalize';

const signalsOf = (text: string): Signals => extractSignals(normalizeText(text).flat, new Date('2026-11-25T12:00:00Z')).signals;

describe('cues that mark another provider', () => {
  it('names Gemini for version-less Gemini 1.0 model ids and Google-publisher Vertex paths', () => {
    const php =
      "Fatal error: Uncaught Exception: Error Code: 403, Message: Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/projects/gemini-xxxxxx/locations/us-central1/publishers/google/models/gemini-pro' (or it may not exist)., Status: PERMISSION_DENIED";
    expect(signalsOf(php)).toMatchObject({ foreignProvider: 'gemini', anthropicEvidence: false });
    expect(signalsOf('model: gemini-ultra is not available').foreignProvider).toBe('gemini');
  });

  it("names Gemini for Gemini CLI's ✕ [API Error: …] line", () => {
    const cli = '> hey\n✕ [API Error: [{\n    "error": {\n      "code": 403,\n      "message": "The caller does not have permission",\n      "status": "PERMISSION_DENIED"\n    }\n  }\n]]';
    expect(signalsOf(cli).foreignProvider).toBe('gemini');
  });

  it("names OpenAI for the openai SDK's Responses API call", () => {
    const text = "Calling the Responses API (`client.responses.parse`) with an `input_image` fails:\nError code: 400 - {'error': {'code': 'invalid_payload', 'message': \"is not a valid absolute URI\"}}";
    expect(signalsOf(text).foreignProvider).toBe('openai');
  });

  it('leaves Claude on Vertex (publishers/anthropic) and Claude Code lines alone', () => {
    expect(
      signalsOf(
        "Publisher Model `projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929` was not found or your project does not have access to it.",
      ).foreignProvider,
    ).toBeNull();
    expect(signalsOf('  ⎿  API Error: 403 {"error":{"type":"forbidden","message":"Request not allowed"}}').foreignProvider).toBeNull();
    expect(signalsOf('const msg = await client.messages.create({ model: "claude-sonnet-4-6" })').foreignProvider).toBeNull();
  });
});

describe('Claude-compatible endpoints of other vendors and local servers (issue 13, class 3)', () => {
  const doctor = createDoctor({ now: () => new Date('2026-11-25T12:00:00Z') });
  const ask = (text: string) => doctor.diagnose({ platform: 'test', text });

  it("answers Ollama's own errors as another provider's, even in Anthropic's error shape", async () => {
    const shaped = 'ollama 0.15.2 with Claude Code: API Error: 404 {"type":"error","error":{"type":"not_found_error","message":"model \'claude-haiku-4-5-20251001\' not found"},"request_id":"req_6942222b2659cd315d234f9c"}';
    expect(await ask(shaped)).toMatchObject({ category: 'out_of_scope', entry: 'other-provider-error' });
    expect((await ask('export ANTHROPIC_BASE_URL=http://localhost:11434/v1\n⎿  API Error: 404 404 page not found')).category).toBe('out_of_scope');
  });

  it("keeps the Claude API's own answer when Ollama is only mentioned", async () => {
    const anthropic = 'I switched from ollama back to Anthropic: API Error: 404 {"type":"error","error":{"type":"not_found_error","message":"model: claude-sonnet-4-20250514"},"request_id":"req_011CVnHKp9Nc2U1aaNyUaEgZ"}';
    expect(await ask(anthropic)).toMatchObject({ category: 'model.not_found' });
  });

  it("answers a proxy's own model-list refusal as the proxy's, and the API's model 404 as the API's", async () => {
    expect((await ask("fastapi.exceptions.HTTPException: 400: {'error': 'completion: Invalid model name passed in model=claude-3-5-haiku-20241022'}")).entry).toBe('proxy-model-not-listed');
    expect((await ask('litellm.NotFoundError: AnthropicException - {"type":"error","error":{"type":"not_found_error","message":"model: claude-3-5-haiku-20241022"}}')).category).toBe('model.not_found');
  });

  it('names Volcengine Ark behind an Anthropic-compatible base URL', () => {
    expect(signalsOf('ANTHROPIC_BASE_URL=https://ark.cn-beijing.volces.com/api/coding\nAPI Error: 401').foreignProvider).toBe('volcengine');
  });

  it("answers a Claude model reached through GitHub Copilot's API as Copilot's, naming it and not Anthropic's retirements", async () => {
    // github.com/proxysoul/Empryo/issues/53
    const copilot = 'if instead i use copilot/claude-sonnet-4\nAI_APICallError: Bad Gateway\n      url: "https://api.githubcopilot.com/messages",\n statusCode: 502,';
    const d = await ask(copilot);
    expect(d).toMatchObject({ category: 'out_of_scope', entry: 'other-provider-error' });
    expect(d.reply).toContain('GitHub Copilot');
    expect(d.reply).not.toContain('was retired');
  });

  it("answers Google's field violations on Gemini's tools[N].function_declarations as Gemini's, whatever the model is called", async () => {
    // github.com/router-for-me/CLIProxyAPI/issues/1531
    const relay = `API Error: 400 {"error":{"code":400,"message":"Invalid JSON payload received. Unknown name \\"deprecated\\" at 'request.tools[0].function_declarations[45].parameters.properties[1].value': Cannot find field.","status":"INVALID_ARGUMENT"}}\nModel Name: Antigravity claude-opus-4-6-thinking`;
    expect(await ask(relay)).toMatchObject({ category: 'out_of_scope', entry: 'gemini-error' });
  });

  it('answers a refused connection to a local Ollama or LM Studio server as theirs, and one to the API as a network failure', async () => {
    // github.com/ivanfioravanti/chatbot-ollama/issues/44
    expect((await ask('[TypeError: fetch failed] {\n  cause:  [Error: connect ECONNREFUSED 127.0.0.1:11434] {\n  code: \'ECONNREFUSED\'')).category).toBe('out_of_scope');
    expect((await ask('anthropic.APIConnectionError: Connection error.\nhttpx.ConnectError: [Errno 111] Connection refused')).category).toBe('network.connection');
  });

  it("answers pydantic's own rendering as the app's data check, and keeps the API's field-type 400", async () => {
    // github.com/bmsuisse/lakeapi/issues/108
    const app = '  Input should be a valid string [type=string_type, input_value=None, input_type=NoneType]\n    For further information visit https://errors.pydantic.dev/2.1.2/v/string_type';
    expect(await ask(app)).toMatchObject({ category: 'out_of_scope', entry: 'app-validation-error' });
    const api = "anthropic.BadRequestError: Error code: 400 - {'type': 'error', 'error': {'type': 'invalid_request_error', 'message': 'messages.0.content: Input should be a valid list'}}";
    expect((await ask(api)).category).toBe('request.messages_format');
  });

  it("does not read an app's 'Failed to fetch <what>: <status>' as a connection that got no answer", async () => {
    // github.com/marcellourbani/vscode_abap_remote_fs/issues/267
    expect((await ask('[error] Failed to fetch model list: 401')).category).not.toBe('network.connection');
    expect((await ask('{"error": true, "message": "Failed to fetch"}')).category).toBe('network.connection');
  });

  it("answers an agent's own tool-argument check as the agent's, unless a Claude API error is pasted with it", async () => {
    const check = "Kilo Code tried to use write_to_file without value for required parameter 'content'. Retrying...";
    expect(await ask(check)).toMatchObject({ category: 'out_of_scope', entry: 'agent-tool-call-incomplete' });
    const withApiError = `${check}\nAPI Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`;
    expect((await ask(withApiError)).category).toBe('overloaded');
  });
});
