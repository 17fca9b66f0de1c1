import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS, normalizeText } from '../../src/normalize';

describe('normalizeText', () => {
  it('undoes escaped JSON so nested bodies read like plain ones', () => {
    const { flat } = normalizeText('[{"error":"Error: 400 {\\"type\\":\\"error\\",\\"error\\":{\\"message\\":\\"prompt is too long\\"}}\\n    at generate"}]');
    expect(flat).toContain('{"type":"error","error":{"message":"prompt is too long"}}');
  });

  it('decodes the HTML entities web UIs leave in copied error text', () => {
    const { flat } = normalizeText('400 {"message":"messages: roles must alternate between &quot;user&quot; and &quot;assistant&quot;"} it&#x27;s &lt;b&gt; &amp;amp;');
    expect(flat).toContain('roles must alternate between "user" and "assistant"');
    expect(flat).toContain("it's <b> &amp;");
  });

  it('drops code fences and ANSI colours, and collapses wrapped lines', () => {
    const { flat } = normalizeText('```json\n\u001b[31m{"message":"Internal server              \n     error"}\u001b[0m\n```');
    expect(flat).toBe('{"message":"Internal server error"}');
  });

  it('rejoins identifiers split by OCR but leaves prose alone', () => {
    expect(normalizeText('max tokens must be greater than budget tokens').flat).toBe('max_tokens must be greater than budget_tokens');
    expect(normalizeText('Error code: 429, retry after 5 s').flat).toBe('Error code: 429, retry after 5 s');
    expect(normalizeText('API Error: 500').flat).toBe('API Error: 500');
  });

  it('flags binary input instead of reading it', () => {
    const result = normalizeText('\u0000\u0001PNG\u0002\u0003');
    expect(result).toMatchObject({ binary: true, flat: '' });
  });

  it('caps huge input, keeping the head and the tail', () => {
    const text = `HEAD ${'x '.repeat(MAX_INPUT_CHARS)} TAIL`;
    const result = normalizeText(text);
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThan(MAX_INPUT_CHARS + 100);
    expect(result.flat.startsWith('HEAD')).toBe(true);
    expect(result.flat.endsWith('TAIL')).toBe(true);
  });
});

describe('error types cut in two by a terminal wrap', () => {
  it('rejoins an official type split inside the JSON type value', () => {
    // anthropics/claude-code#22785 ("api_⏎ error") and a relay log wrapped mid-type ("invalid_reques⏎ t_error").
    expect(normalizeText('API Error: 500 {"type":"error","error":{"type":"api_\n    error","message":"Internal server error"}}').flat).toContain('"type":"api_error"');
    expect(normalizeText('{\\"type\\":\\"invalid_reques\n     t_error\\",\\"message\\":\\"x\\"}').flat).toContain('"type":"invalid_request_error"');
  });

  it('leaves other type values and prose alone', () => {
    expect(normalizeText('{"type":"content block","text":"hi"}').flat).toContain('"type":"content block"');
    expect(normalizeText('the api error type was weird').flat).toBe('the api error type was weird');
  });
});

describe("a terminal UI's frame around a wrapped error", () => {
  // https://github.com/google-gemini/gemini-cli/issues/12750 (Gemini CLI's `│` box around Google's 429 body)
  const BOXED = [
    '│       "message": "Resource exhausted. Please try again later. Please refer to                        │',
    '│   https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.",           │',
    '│       "status": "RESOURCE_EXHAUSTED"                                                                 │',
  ].join('\n');

  it('drops the borders, so the body between them reads as one', () => {
    const { flat } = normalizeText(BOXED);
    expect(flat).not.toMatch(/[│┃║]/);
    expect(flat).toContain('for more details.", "status": "RESOURCE_EXHAUSTED"');
  });

  it('keeps a bar inside a line (a table cell, a shell pipe drawn as │)', () => {
    expect(normalizeText('model │ status\nclaude │ 429').flat).toBe('model │ status claude │ 429');
  });

  it('drops only the outermost border on each side, and a line of borders entirely', () => {
    expect(normalizeText('  ┃  a ║ b  ┃  \n││\n│ x │').text).toBe('a ║ b\n\nx');
  });
});
