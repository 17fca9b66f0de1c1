import type { FakeAnthropic, FakeStep, RecordedRequest } from './server';
import { textReply, toolUseReply } from './replies';

/**
 * A step that answers with a tool call to whatever tool the request forced via
 * `tool_choice: {type:"tool", name}`, so tests need not know the fallback's tool name.
 */
export function answerForcedTool(input: unknown | ((request: RecordedRequest) => unknown)): FakeStep {
  return (request) => {
    const body = request.body as { tool_choice?: { name?: string }; model?: string } | null;
    const value = typeof input === 'function' ? (input as (r: RecordedRequest) => unknown)(request) : input;
    return toolUseReply(value, { toolName: body?.tool_choice?.name, model: body?.model });
  };
}

/**
 * A step that answers the way the request asked: with the JSON text for a structured-outputs request
 * (`output_config.format`), otherwise with a call to the forced tool (as `answerForcedTool`).
 */
export function answerAsAsked(input: unknown): FakeStep {
  return (request) => {
    const body = request.body as { output_config?: { format?: unknown }; tool_choice?: { name?: string }; model?: string } | null;
    if (body?.output_config?.format) return textReply(JSON.stringify(input), { model: body.model });
    return toolUseReply(input, { toolName: body?.tool_choice?.name, model: body?.model });
  };
}

/** A valid "none" answer for the fallback's tool, for tests that only need the model to answer. */
export const noneAnswer = (explanation = 'The paste is a generic failure without an error body.') => ({
  entry: 'none',
  status: null,
  type: null,
  category: 'unknown',
  explanation,
  fix: ['Re-run the request with the SDK logging enabled and paste the full error body.'],
  confidence: 0.4,
});

/** Environment for a child process or `loadConfig()` that points the fallback at the fake. */
export function fakeAnthropicEnv(fake: FakeAnthropic, apiKey = 'sk-ant-test-fake-key-0000'): Record<string, string> {
  return { ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_API_KEY: apiKey };
}

/** Only the Messages API calls (what counts as "a model request"). */
export const messageRequests = (fake: FakeAnthropic): RecordedRequest[] =>
  fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages');

/** Everything a request carried on the wire — headers and body — for "no secret left the bot" checks. */
export const wireText = (request: RecordedRequest): string =>
  Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n') + `\n\n${request.rawBody}`;
