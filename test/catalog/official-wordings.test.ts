import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog';
import { createDoctor } from '../../src/doctor';

/**
 * The official wordings audit: each message the API documents or an official SDK raises, as a user
 * would paste it bare, must get its category — not "unknown", not a neighbour's. A wording the
 * catalogue drops (a rule narrowed, an entry removed) fails here by name. Sources, verified
 * 2026-12-07: platform.claude.com/docs/en/api/errors and the pages it links (images, extended
 * thinking, streaming), the installed node_modules/@anthropic-ai/sdk (1.13.0) and the Python SDK's
 * messages, and Claude Code's own banners for them (code.claude.com/docs/en/errors).
 */
const doctor = createDoctor({ catalog: loadCatalog(), now: () => new Date('2026-12-07T12:00:00Z') });

const OFFICIAL: ReadonlyArray<readonly [category: string, text: string]> = [
  // SDK, client-side, before any request (TypeScript AnthropicError / Python ValueError)
  ['streaming.required', 'Streaming is required for operations that may take longer than 10 minutes. See https://platform.claude.com/docs/en/cli-sdks-libraries/sdks/typescript#long-requests for more details'],
  ['streaming.required', 'ValueError: Streaming is strongly recommended for operations that may take longer than 10 minutes. See https://github.com/anthropics/anthropic-sdk-python#long-requests for more details'],
  ['auth.missing_key', 'Could not resolve authentication method. Expected either apiKey or authToken to be set. Or for one of the "X-Api-Key" or "Authorization" headers to be explicitly omitted'],
  ['network.connection', 'APIConnectionError: Connection error.'],
  ['network.timeout', 'APIConnectionTimeoutError: Request timed out.'],
  ['network.timeout', 'anthropic.APITimeoutError: Request timed out.'],
  ['streaming.interrupted', 'The stream ended before message_stop.'],
  // The documented HTTP errors, with their documented messages
  ['auth.invalid_key', "anthropic.AuthenticationError: Error code: 401 - {'type': 'error', 'error': {'type': 'authentication_error', 'message': 'invalid x-api-key'}}"],
  ['billing.credit', 'Error code: 402 - {"type":"error","error":{"type":"billing_error","message":"Your account has a billing issue."}}'],
  ['permission', 'Error code: 403 - {"type":"error","error":{"type":"permission_error","message":"Your API key does not have permission to use the specified resource."}}'],
  ['model.not_found', 'Error code: 404 - {"type":"error","error":{"type":"not_found_error","message":"model: claude-x-9"}}'],
  ['request.too_large', 'Error code: 413 - {"type":"error","error":{"type":"request_too_large","message":"Request exceeds the maximum allowed number of bytes."}}'],
  ['rate_limit', 'Error code: 429 - {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed the rate limit for your organization of 50,000 input tokens per minute."}}'],
  ['overloaded', 'Error code: 529 - {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'],
  ['streaming.interrupted', 'Error code: 504 - {"type":"error","error":{"type":"timeout_error","message":"Stream idle timeout - partial response received"}}'],
  // Credit balance: the API's wording, bare and in Claude Code's banner
  ['billing.credit', 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.'],
  ['billing.credit', 'Credit balance is too low'],
  ['billing.credit', 'API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."}}'],
  // Request validation wordings
  ['request.prompt_too_long', 'prompt is too long: 210000 tokens > 200000 maximum'],
  ['request.max_tokens', 'max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens for claude-sonnet-4-5-20250929'],
  ['request.messages_format', 'messages: roles must alternate between "user" and "assistant", but found multiple "user" roles in a row'],
  ['request.tool_pairing', 'messages.1.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_01. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.'],
  // Images: the API's many-image limit and Claude Code's banner for it, and the byte limit
  ['request.image', 'messages.0.content.1.image.source.base64.data: At least one of the image dimensions exceed max allowed size for many-image requests: 2000 pixels'],
  ['request.image', 'An image in the conversation exceeds the dimension limit for many-image requests (2000px). Run /compact to remove old images from context, or start a new session.'],
  ['request.image', 'messages.0.content.0.image.source.base64: image exceeds 5 MB maximum: 6291456 bytes > 5242880 bytes'],
  // Extended thinking: the path decides, not the generic type-validation wording
  ['request.thinking', '`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size'],
  ['request.thinking', 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024'],
  ['request.thinking', 'invalid_request_error: thinking.enabled.budget_tokens: Input should be a valid integer'],
  ['request.params', 'invalid_request_error: tool_choice: Input should be a valid dictionary'],
  // Claude Code's subscription login banners
  ['auth.oauth', 'Your account does not have access to Claude Code. Please run /login.'],
  ['auth.oauth', 'Claude Max or Pro is required to connect to Claude Code'],
];

describe('official wordings', () => {
  it.each(OFFICIAL)('%s ← %s', async (category, text) => {
    const d = await doctor.diagnose({ platform: 'test', text });
    expect(d.category, text).toBe(category);
  });
});
