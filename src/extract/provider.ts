import { PROVIDERS } from '../knowledge/providers';
import { ALWAYS, type MayMatch } from '../scan';

/**
 * The other provider a paste comes from (catalog/providers.yaml): a cue inside the error body first
 * ("tried deepseek-v4-flash, then kimi-k2.6: {"error":{"code":"1211",...}}" is Zhipu's body), then
 * every provider's cue in file order.
 */
export function detectForeignProvider(flat: string, may: MayMatch = ALWAYS): string | null {
  for (const { id, re } of PROVIDERS.bodyCues) if (may(re) && re.test(flat)) return id;
  for (const { id, re } of PROVIDERS.foreignCues) if (may(re) && re.test(flat)) return id;
  return null;
}

/** The paste carries something only Claude / Anthropic errors carry. */
export function hasAnthropicEvidence(flat: string, may: MayMatch = ALWAYS): boolean {
  return may(PROVIDERS.anthropicEvidence) && PROVIDERS.anthropicEvidence.test(flat);
}

/** The cloud surface, which changes both the cause and the fix. */
export function detectCloud(flat: string, may: MayMatch = ALWAYS): 'bedrock' | 'vertex' | null {
  for (const { id, re } of PROVIDERS.clouds) if (may(re) && re.test(flat)) return id as 'bedrock' | 'vertex';
  return null;
}

/** Every cue regex, for the prefilter that skips the ones a paste cannot match. */
export const PROVIDER_CUES: readonly RegExp[] = [
  ...[...PROVIDERS.bodyCues, ...PROVIDERS.foreignCues, ...PROVIDERS.clouds, ...PROVIDERS.envelopes].map((c) => c.re),
  PROVIDERS.anthropicEvidence,
  PROVIDERS.apiErrorLine,
  PROVIDERS.apiAnswerRetold,
  PROVIDERS.errorShape,
  PROVIDERS.toolResultStatus,
  PROVIDERS.apiEvidence,
];

/**
 * Another service's error envelope the paste's body has (catalog/providers.yaml `envelopes`): the
 * cues in file order, then — when extraction found the error object is not the Claude API's
 * (`foreignObject`) — the envelope decided by the object itself.
 */
export function detectForeignEnvelope(flat: string, may: MayMatch = ALWAYS, foreignObject = false): string | null {
  for (const { id, re } of PROVIDERS.envelopes) if (may(re) && re.test(flat)) return id;
  return foreignObject ? PROVIDERS.errorObjectEnvelope : null;
}
