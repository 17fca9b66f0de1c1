import type { CompiledEntry } from '../catalog';
import { NeedleIndex } from './needles';
import { type IndexedRule, type MatchInput, ruleHolds } from './rule';

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

/**
 * The catalogue, ready to rank pastes: every keyword and regex prefilter of every rule goes into
 * one needle index, so a paste is scanned once.
 */
export class Matcher {
  private readonly needles: NeedleIndex;
  private readonly rules: ReadonlyArray<{ entry: CompiledEntry; rules: IndexedRule[] }>;

  constructor(readonly entries: readonly CompiledEntry[]) {
    const ids = new Map<string, number>();
    const idsOf = (strings: readonly string[] | undefined) =>
      strings?.map((s) => {
        let id = ids.get(s);
        if (id === undefined) ids.set(s, (id = ids.size));
        return id;
      });
    this.rules = entries.map((entry) => ({
      entry,
      rules: entry.match.map((rule) => ({
        rule,
        keywordIds: idsOf(rule.keywords),
        allKeywordIds: idsOf(rule.allKeywords),
        patternLiteralIds: idsOf(rule.patternLiterals),
        unlessLiteralIds: idsOf(rule.unlessLiterals),
      })),
    }));
    this.needles = new NeedleIndex([...ids.keys()]);
  }

  /** Every entry with a firing rule, best first (confidence, then priority, then catalogue order). */
  rank(input: MatchInput): Candidate[] {
    const found = this.needles.scan(input.lower);
    const out: Candidate[] = [];
    for (const { entry, rules } of this.rules) {
      let best: Candidate | null = null;
      for (let i = 0; i < rules.length; i++) {
        const r = rules[i]!;
        if ((best === null || r.rule.confidence > best.confidence) && ruleHolds(r, input, found)) {
          best = { entry, confidence: r.rule.confidence, rule: i };
        }
      }
      if (best) out.push(best);
    }
    return out.sort((a, b) => b.confidence - a.confidence || b.entry.priority - a.entry.priority);
  }
}

/** Convenience for one-off ranking (tests, tools); long-lived callers keep a Matcher. */
export function rankCandidates(entries: readonly CompiledEntry[], input: MatchInput): Candidate[] {
  return new Matcher(entries).rank(input);
}
