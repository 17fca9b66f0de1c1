import { describe, expect, it } from 'vitest';
import type { Signals } from '../../src/contracts';
import { createDoctor } from '../../src/doctor';
import { extractSignals } from '../../src/extract';
import { normalizeText } from '../../src/normalize';

const now = new Date('2026-11-25T12:00:00Z');
const doctor = createDoctor({ now: () => now });
const diagnose = (text: string) => doctor.diagnose({ platform: 'test', text });
const signalsOf = (text: string): Signals => extractSignals(normalizeText(text).flat, now).signals;

/**
 * Users often paste only the API's message — a log line, an issue title — without the
 * `API Error: 400 {"type":"invalid_request_error"…}` around it. The documented message alone says
 * which status and type the API sent, so the answer must still report them.
 */
describe('a documented message pasted without its status line', () => {
  it.each([
    // the message quoted naming only `thinking` (errors page, common validation errors)
    ['messages.1.content.19: `thinking` blocks in the latest assistant message cannot be modified', 'request.thinking'],
    // the 2025 wording of the same rule (anthropics/claude-code#2746)
    ['messages.31.content.1: When providing `thinking` or `redacted_thinking` blocks, the blocks must match the parameters during the original request.', 'request.thinking'],
    // cut before its limit
    ['messages.3.content.16.image.source.base64.data: At least one of the image dimensions exceed', 'request.image'],
    // Claude Code reading an unsupported image (anthropics/claude-code#5955)
    ["messages.62.content.0.tool_result.content.0.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'", 'request.image'],
  ])('%s', async (text, category) => {
    const d = await diagnose(text);
    expect(d.category).toBe(category);
    expect(d.status).toBe(400);
    expect(d.type).toBe('invalid_request_error');
  });

  it('reports no HTTP status for an Agent SDK error raised before any request', async () => {
    const d = await diagnose('QA session error: Failed to decode JSON: JSON message exceeded maximum buffer size of 1048576 bytes...');
    expect(d.category).toBe('sdk.usage');
    expect(d.status).toBeNull();
    expect(d.type).toBeNull();
  });
});

describe('a 400 retold in prose', () => {
  it('reads the status from "API 400" in an issue title', () => {
    // anthropics/claude-code#64003, openclaw/openclaw#10900
    expect(signalsOf('[BUG] API 400 error: thinking/redacted_thinking blocks cannot be modified after Claude Opus 4.8').status).toBe(400);
    expect(signalsOf('API 400 error when tool_use block has no matching tool_result').status).toBe(400);
  });

  it("reads the status Zed names in words for a provider's error response", () => {
    // zed-industries/zed#44032; Zed's LanguageModelCompletionError::from_http_status
    expect(signalsOf("ERROR [agent] Error in model response stream: invalid request format to OpenRouter's API: Provider returned error").status).toBe(400);
    expect(signalsOf("authentication error with Anthropic's API: invalid x-api-key").status).toBe(401);
    expect(signalsOf('invalid request format to the form').status).toBeNull();
  });

  it('names the rule the paraphrase describes', async () => {
    expect((await diagnose('API Error 400: thinking blocks must remain as they were in the original response')).entry).toBe('thinking-blocks-modified');
    expect((await diagnose('API 400 error when tool_use block has no matching tool_result')).entry).toBe('tool-use-without-result');
  });

  it('does not take the paraphrase without a status as a confident answer', async () => {
    const d = await diagnose('my notes: thinking blocks cannot be modified, look into it later');
    expect(d.entry === 'thinking-blocks-modified' && d.confidence >= 0.6).toBe(false);
  });
});
