import type { ForeignProvider } from '../contracts';
import { ALWAYS, type MayMatch } from '../scan';

/** Cues only another provider's errors carry, matched on the lower-cased paste. */
export const FOREIGN_CUES: ReadonlyArray<[ForeignProvider, RegExp]> = [
  ['openrouter', /\bopenrouter\b|free-models-per-day/],
  ['azure-openai', /\bazure[ -]openai\b|\.openai\.azure\.com/],
  // client.responses.*: OpenAI's Responses API from the openai SDKs (Claude's is client.messages.*).
  ['openai', /platform\.openai\.com|api\.openai\.com|\binsufficient_quota\b|\bopenaiexception\b|you exceeded your current quota|\bgpt-(?:3\.5|4|4o|5|o\d)\b|\bopenai\.error\b|"code": ?"invalid_api_key"|\bclient\.responses\.(?:create|parse|stream|retrieve)\b/],
  // Gemini 1.0 names (gemini-pro, gemini-ultra, gemini-pro-vision) carry no version digit; Vertex paths
  // name Google's own models under publishers/google/models/gemini…; Gemini CLI prints "✕ [API Error: …]".
  ['gemini', /generativelanguage\.googleapis\.com|\bgemini[- ]\d[\d.]*\b|\bgemini-(?:pro|ultra|flash|nano)\b|publishers\/google\/models\/gemini|\bgooglegenerativeai\b|api key not valid\. please pass a valid api key|\bgeminiexception\b|✕ \[api error:/],
  // LiteLLM names its wrappers <Provider>Exception (DeepseekException, GroqException, GeminiException).
  ['deepseek', /\bdeepseek(?:exception)?\b/],
  // Bedrock names Mistral's models mistral.mistral-… / mistral.mixtral-… / mistral.pixtral-….
  ['mistral', /api\.mistral\.ai|\bmistral-(?:large|small|medium)\b|\bmistralexception\b|\b(?:devstral|codestral|magistral)\b|\bmistral\.(?:mistral|mixtral|pixtral|ministral)-/],
  ['groq', /api\.groq\.com|\bgroq(?:exception)?\b/],
  // Zhipu / Z.ai (GLM) behind an Anthropic-compatible endpoint: numeric business codes ("type":"1113", or
  // OpenAI-shaped {"error":{"code":"1211",...}} as Ollama's cloud models and ModelScope relay them) and its own wording.
  ['zhipu', /\bz\.ai\b|open\.bigmodel\.cn|\bzhipu\b|\bglm-\d|no resource package|"type":"1[0-9]{3}"|["']code["']: ?["']1[0-9]{3}["']/],
  // Perplexity's OpenAI-compatible API: its own alternation wording and error type.
  ['perplexity', /api\.perplexity\.ai|\bpplx-[\w-]+|user and assistant roles should be alternating|["']type["']: ?["']invalid_message["']/],
];

/** Marks only Claude / Anthropic errors carry (OpenAI shares `invalid_request_error`, so it is not here). */
const ANTHROPIC_EVIDENCE =
  /anthropic|\bclaude\b|\breq_(?:vrtx_)?0[0-9A-Za-z]{8,}|overloaded_error|authentication_error|not_found_error|permission_error|docs\.(?:anthropic|claude)\.com|sk-ant-|\bx-api-key\b|anthropic-version|anthropic-beta|\{"type":"error","error":\{/i;

/**
 * Cues inside the error body itself. They win over a model name mentioned elsewhere in the paste
 * ("tried deepseek-v4-flash, then kimi-k2.6: {"error":{"code":"1211",...}}" is Zhipu's body).
 */
export const BODY_CUES: ReadonlyArray<[ForeignProvider, RegExp]> = [['zhipu', /"type":"1[0-9]{3}"|["']code["']: ?["']1[0-9]{3}["']/]];

export function detectForeignProvider(flat: string, lower: string = flat.toLowerCase(), may: MayMatch = ALWAYS): ForeignProvider | null {
  for (const [provider, re] of BODY_CUES) if (may(re) && re.test(lower)) return provider;
  for (const [provider, re] of FOREIGN_CUES) if (may(re) && re.test(lower)) return provider;
  return null;
}

export function hasAnthropicEvidence(flat: string): boolean {
  return ANTHROPIC_EVIDENCE.test(flat);
}
