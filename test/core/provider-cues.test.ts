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
});
