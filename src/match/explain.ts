import type { CompiledEntry, CompiledRule, Precedence } from '../catalog';
import type { Trace, TraceCandidate } from '../contracts';
import type { Ranking } from './match';
import type { Candidate } from './rank';

const list = (v: readonly (string | number)[]) => (v.length === 1 ? String(v[0]) : `[${v.join(', ')}]`);

/** A rule's conditions as the catalogue writes them, on one line. */
export function describeRule(rule: CompiledRule): string {
  const parts: string[] = [];
  if (rule.status) parts.push(`status ${list(rule.status)}`);
  if (rule.type) parts.push(`type ${list(rule.type)}`);
  if (rule.sdkException) parts.push(`sdkException ${list(rule.sdkException)}`);
  if (rule.errorCode) parts.push(`errorCode ${list(rule.errorCode)}`);
  if (rule.client) parts.push(`client ${list(rule.client)}`);
  if (rule.cloud) parts.push(`cloud ${list(rule.cloud)}`);
  if (rule.hasStatus !== undefined) parts.push(`hasStatus ${rule.hasStatus}`);
  if (rule.retryAfter) parts.push(`retryAfter ${rule.retryAfter}`);
  if (rule.anthropicEvidence !== undefined) parts.push(`anthropicEvidence ${rule.anthropicEvidence}`);
  if (rule.claudeSignal !== undefined) parts.push(`claudeSignal ${rule.claudeSignal}`);
  if (rule.apiError !== undefined) parts.push(`apiError ${rule.apiError}`);
  if (rule.showsError !== undefined) parts.push(`showsError ${rule.showsError}`);
  if (rule.foreignProvider) parts.push(`foreignProvider ${list(rule.foreignProvider)}`);
  if (rule.foreignEnvelope) parts.push(`foreignEnvelope ${list(rule.foreignEnvelope)}`);
  if (rule.modelId) parts.push(`modelId ${list(rule.modelId)}`);
  if (rule.keywords) parts.push(`keywords ${list(rule.keywords)}`);
  if (rule.allKeywords) parts.push(`allKeywords ${list(rule.allKeywords)}`);
  if (rule.patternSource) parts.push(`pattern /${rule.patternSource}/`);
  if (rule.backstop) parts.push('backstop');
  if (rule.scope) parts.push(`scope ${rule.scope}`);
  return parts.join(' · ');
}

/** Where a candidate stands against the ones ranked above it, and why. */
function decision(c: Candidate, above: readonly Candidate[], precedence: Precedence, index: Map<CompiledEntry, number>): TraceCandidate['decision'] {
  const winner = above[0];
  if (!winner) return c.tiedWith ? { kind: 'tie', against: c.tiedWith[0] } : { kind: 'winner' };
  const own = c.entry.match[c.rule]!;
  const best = winner.entry.match[winner.rule]!;
  if (best.rank > own.rank) return { kind: 'weaker-evidence', against: winner.entry.id };
  // A floor goes below every entry that recognised the paste, whatever the tiers (src/match/rank.ts).
  if (own.scope === 'floor' && best.scope !== 'floor') return { kind: 'scope', against: winner.entry.id };
  const envelope = above.some((a) => a.entry.match[a.rule]!.scope === 'envelope' && a.entry.match[a.rule]!.rank === own.rank);
  if (envelope && c.entry.category !== 'out_of_scope') return { kind: 'scope', against: winner.entry.id };
  if (best.standing > own.standing) return { kind: best.scope || own.scope ? 'scope' : 'backstop', against: winner.entry.id };
  for (const a of above) {
    const path = precedence.path(index.get(a.entry)!, index.get(c.entry)!);
    if (path) return { kind: 'outranked', against: a.entry.id, path };
  }
  return { kind: 'tie', against: winner.entry.id };
}

/** The matcher's side of a trace: each candidate's rule, tier and place, and the vetoes that decided. */
export function explainRanking(ranking: Ranking, entries: readonly CompiledEntry[], precedence: Precedence, limit = 5): Pick<Trace, 'candidates' | 'vetoed'> {
  const index = new Map(entries.map((e, i) => [e, i]));
  const shown = ranking.candidates.slice(0, limit);
  return {
    candidates: shown.map((c, i) => {
      const rule = c.entry.match[c.rule]!;
      return {
        entry: c.entry.id,
        category: c.entry.category,
        evidence: c.evidence,
        confidence: c.confidence,
        rule: c.rule,
        why: rule.why,
        conditions: describeRule(rule),
        decision: decision(c, shown.slice(0, i), precedence, index),
      };
    }),
    vetoed: ranking.vetoed.map((v) => {
      const rule = v.entry.match[v.rule]!;
      return { entry: v.entry.id, rule: v.rule, evidence: rule.evidence, why: rule.why, unless: rule.unlessSource ?? '' };
    }),
  };
}
