import type { CompiledRule } from '../catalog';
import type { Signals } from '../contracts';
import { shippedModelState } from '../models';

/** What a rule reads: the extracted signals and the focus text (primary error, other bodies blanked). */
export interface MatchInput {
  signals: Signals;
  text: string;
  lower: string;
}

/** A rule whose strings are replaced by ids into the matcher's needle index. */
export interface IndexedRule {
  rule: CompiledRule;
  keywordIds?: number[];
  allKeywordIds?: number[];
  patternLiteralIds?: number[];
  unlessLiteralIds?: number[];
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
  if (rule.claudeSignal !== undefined && rule.claudeSignal !== s.claudeSignal) return false;
  if (rule.apiError !== undefined && rule.apiError !== s.apiError) return false;
  if (rule.showsError !== undefined && rule.showsError !== s.showsError) return false;
  if (!has(rule.foreignProvider, s.foreignProvider)) return false;
  if (!has(rule.foreignEnvelope, s.foreignEnvelope)) return false;
  if (rule.modelId && (s.model === null || !has(rule.modelId, shippedModelState(s.model)))) return false;
  return true;
}

/** True when every condition of the rule holds (its veto aside): structured first, keywords next, regex last. */
export function conditionsHold(r: IndexedRule, input: MatchInput, found: (id: number) => boolean): boolean {
  const { rule } = r;
  if (!structuredHolds(rule, input.signals)) return false;
  if (r.keywordIds && !r.keywordIds.some(found)) return false;
  if (r.allKeywordIds && !r.allKeywordIds.every(found)) return false;
  if (rule.pattern) {
    if (r.patternLiteralIds && !r.patternLiteralIds.some(found)) return false;
    if (!rule.pattern.test(input.text)) return false;
  }
  return true;
}

/** True when the rule's `unless` matches the text. */
export function vetoed(r: IndexedRule, input: MatchInput, found: (id: number) => boolean): boolean {
  const { rule } = r;
  return rule.unless !== undefined && (!r.unlessLiteralIds || r.unlessLiteralIds.some(found)) && rule.unless.test(input.text);
}

/** Keywords checked without the needle index (the plain loop of the differential test and the hygiene analysis). */
export function plainRule(rule: CompiledRule, lower: string): { indexed: IndexedRule; found: (id: number) => boolean } {
  const strings = [...(rule.keywords ?? []), ...(rule.allKeywords ?? [])];
  const ids = (list: string[] | undefined, offset: number) => list?.map((_, k) => offset + k);
  return {
    // No literal prefilter: the regexes themselves decide.
    indexed: { rule, keywordIds: ids(rule.keywords, 0), allKeywordIds: ids(rule.allKeywords, rule.keywords?.length ?? 0), patternLiteralIds: undefined, unlessLiteralIds: undefined },
    found: (id) => lower.includes(strings[id]!),
  };
}
