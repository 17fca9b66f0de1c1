import type { ClientId } from '../contracts';
import { ALWAYS, type MayMatch } from '../scan';

/**
 * Cues that name the tool a paste came from (research §7.4). Wrappers come first: a Claude Code
 * line that quotes a TS SDK stack is still Claude Code, and the fix is Claude Code's.
 */
export const CLIENT_CUES: ReadonlyArray<[ClientId, RegExp]> = [
  ['agent-sdk', /\bClaudeAgentOptions\b|\bclaude[_-]agent[_-]sdk\b|\bAgent SDK\b/i],
  ['claude-code', /\bAPI Error[:( ]|Please run \/login|\$bunfs\/root\/src\/entrypoints\/cli\.js|@anthropic-ai\/claude-code|\b[Cc]laude [Cc]ode\b|\bCLAUDE_CODE_\w+|[⎿⏺✻]|(?:^|\s|`)\/(?:compact|login|model|rewind|resume)\b|Retrying in \d+ seconds?|Unable to connect to Anthropic services|usage limit reached\|\d{9,}|You've hit your (?:session|weekly|Opus|usage) limit/],
  ['cherry-studio', /\bcherry[ -]?studio\b|Cherry%20Studio/i],
  ['cursor', /\bERROR_OPENAI\b|\bcursor\b(?! ?=)/i],
  ['cline', /\b(?:Cline|Roo Code|Kilo Code|RooCode|KiloCode)\b|\bAPI request failed: \d{3}|Extension version: [\d.]+/],
  ['continue', /\bcontinue\.dev\b|\bContinue (?:extension|config)\b/],
  ['litellm', /\blitellm\b|Received Model Group=|\b(?:Anthropic|Bedrock|Vertex_ai)Exception\b/i],
  ['vercel-ai', /\bAI_[A-Za-z]+Error\b|@ai-sdk\/|\bresponseBody\b|\bisRetryable\b/],
  ['bedrock', /\bbotocore\b|\bboto3\b|\baws bedrock-runtime\b|when calling the (?:InvokeModel|Converse)\w* operation/],
  ['vertex', /\bAnthropicVertex\b|@anthropic-ai\/vertex-sdk/],
  ['go', /\bssestream\b|anthropic-sdk-go|\.go:\d+|\bfmt\.Errorf\b/],
  ['java', /\bcom\.anthropic\.|\.java:\d+\)/],
  ['csharp', /\bAnthropic(?:BadRequest|Unauthorized|Forbidden|NotFound|UnprocessableEntity|RateLimit|5xx|4xx|Api|IO)Exception\b/],
  ['ruby', /\bAnthropic::Errors::/],
  ['php', /\bAnthropic\\Core\\Exceptions\\/],
  ['python', /Traceback \(most recent call last\)|File "[^"]+\.py", line \d+|Error code: \d{3} - \{?'|\banthropic\.[A-Z]\w*Error\b|site-packages|\bhttpx\.|\bimport anthropic\b|anthropic\._exceptions/],
  ['typescript', /\bat .+\.(?:m?[jt]s|cjs):\d+:\d+|node_modules\/@anthropic-ai\/sdk|\bnew Anthropic\(|\b(?:Error|[A-Z]\w*Error\d?): \d{3} \{"type"|\bapiKey\b|\bprocess\.env\b/],
  ['curl', /\bcurl\s+(?:-|https?:)|^< ?HTTP\/|\bHTTP\/[12](?:\.\d)? \d{3}\b/m],
];

export function detectClient(flat: string, may: MayMatch = ALWAYS): ClientId | null {
  for (const [client, re] of CLIENT_CUES) if (may(re) && re.test(flat)) return client;
  return null;
}

export const BEDROCK_CUE = /\bbedrock\b|\bbotocore\b|when calling the (?:InvokeModel|Converse)|\banthropic\.claude-[\w.-]+-v\d|\b(?:us|eu|apac|global)\.anthropic\.claude|\bCLAUDE_CODE_USE_BEDROCK\b|\bAccessDeniedException\b|\bThrottlingException\b|\bValidationException\b|\bModelNotReadyException\b|aws-marketplace:/i;
export const VERTEX_CUE = /\bvertex\b|aiplatform\.googleapis\.com|\bPublisher Model\b|\bRESOURCE_EXHAUSTED\b|\breq_vrtx_|\bCLAUDE_CODE_USE_VERTEX\b|\bpublishers\/\w+\/models\//i;

/** The cloud surface, which changes both the cause and the fix. */
export function detectCloud(flat: string, may: MayMatch = ALWAYS): 'bedrock' | 'vertex' | null {
  if (may(BEDROCK_CUE) && BEDROCK_CUE.test(flat)) {
    return 'bedrock';
  }
  if (may(VERTEX_CUE) && VERTEX_CUE.test(flat)) {
    return 'vertex';
  }
  return null;
}
