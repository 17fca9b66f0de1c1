import { describe, expect, it } from 'vitest';
import type { Signals } from '../../src/contracts';
import { extractSignals } from '../../src/extract';
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
