import type { CompiledEntry } from '../catalog';
import { type MatchInput, ruleHolds } from './rule';

/**
 * Below this the rules are not sure: the model fallback is asked (when configured), and the reply
 * says the answer is a guess. Rules are written so that a message-specific rule scores ≥ 0.85, a
 * status/type-only rule 0.6–0.8, and a generic hint below 0.6.
 */
export const CONFIDENT = 0.6;

export interface Candidate {
  entry: CompiledEntry;
  confidence: number;
  /** Index of the rule that fired, for provenance. */
  rule: number;
}

/** Every entry with a firing rule, best first (confidence, then priority, then catalogue order). */
export function rankCandidates(entries: readonly CompiledEntry[], input: MatchInput): Candidate[] {
  const out: Candidate[] = [];
  for (const entry of entries) {
    let best: Candidate | null = null;
    entry.match.forEach((rule, index) => {
      if ((best === null || rule.confidence > best.confidence) && ruleHolds(rule, input)) {
        best = { entry, confidence: rule.confidence, rule: index };
      }
    });
    if (best) out.push(best);
  }
  return out.sort((a, b) => b.confidence - a.confidence || b.entry.priority - a.entry.priority);
}
