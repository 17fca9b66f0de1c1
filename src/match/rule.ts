import type { CompiledRule } from '../catalog';
import type { Signals } from '../contracts';

/** What a rule reads: the extracted signals and the focus text (primary error, other bodies blanked). */
export interface MatchInput {
  signals: Signals;
  text: string;
  lower: string;
}

const has = <T>(list: readonly T[] | undefined, value: T | null): boolean =>
  list === undefined || (value !== null && list.includes(value));

/** Structured signals: cheap equality checks, run first. */
function structuredHolds(rule: CompiledRule, s: Signals): boolean {
  if (!has(rule.status, s.status)) return false;
  if (!has(rule.type, s.type)) return false;
  if (!has(rule.sdkException, s.sdkException)) return false;
  if (!has(rule.errorCode, s.errorCode)) return false;
  if (!has(rule.client, s.client)) return false;
  if (rule.cloud && !rule.cloud.includes(s.cloud ?? 'none')) return false;
  if (rule.hasStatus !== undefined && rule.hasStatus !== (s.status !== null)) return false;
  if (rule.retryAfter === 'present' && s.retryAfterSeconds === null) return false;
  if (rule.retryAfter === 'absent' && (!s.headersPresent || s.retryAfterSeconds !== null)) return false;
  if (rule.anthropicEvidence !== undefined && rule.anthropicEvidence !== s.anthropicEvidence) return false;
  if (!has(rule.foreignProvider, s.foreignProvider)) return false;
  return true;
}

/** True when every condition of the rule holds: structured first, keywords next, regex last. */
export function ruleHolds(rule: CompiledRule, input: MatchInput): boolean {
  if (!structuredHolds(rule, input.signals)) return false;
  if (rule.keywords && !rule.keywords.some((k) => input.lower.includes(k))) return false;
  if (rule.allKeywords && !rule.allKeywords.every((k) => input.lower.includes(k))) return false;
  if (rule.pattern) {
    if (rule.patternLiterals && !rule.patternLiterals.some((l) => input.lower.includes(l))) return false;
    if (!rule.pattern.test(input.text)) return false;
  }
  if (rule.unless && (!rule.unlessLiterals || rule.unlessLiterals.some((l) => input.lower.includes(l)))) {
    if (rule.unless.test(input.text)) return false;
  }
  return true;
}
