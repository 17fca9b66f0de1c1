import type { CompiledEntry } from '../catalog';
import { NeedleIndex } from '../scan';
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

interface Slot extends IndexedRule {
  /** Position of the entry in the catalogue (ties are broken by catalogue order). */
  entry: number;
  /** Position of the rule in its entry, for provenance. */
  index: number;
  /** Position among all rules, to check each rule once per paste. */
  serial: number;
}

/**
 * The catalogue, ready to rank pastes. Every keyword and regex prefilter of every rule goes into one
 * needle index, so a paste is scanned once; each rule is filed under one condition it cannot fire
 * without (a needle, else its status, else its type), so only the rules a paste can wake are checked.
 */
export class Matcher {
  private readonly needles: NeedleIndex;
  private readonly byNeedle: Slot[][] = [];
  private readonly byStatus = new Map<number, Slot[]>();
  private readonly byType = new Map<string, Slot[]>();
  private readonly always: Slot[] = [];
  private readonly checked: Uint32Array;
  private generation = 0;

  constructor(readonly entries: readonly CompiledEntry[]) {
    const ids = new Map<string, number>();
    const idsOf = (strings: readonly string[] | undefined) =>
      strings?.map((s) => {
        let id = ids.get(s);
        if (id === undefined) ids.set(s, (id = ids.size));
        return id;
      });
    let serial = 0;
    const slots: Slot[] = entries.flatMap((entry, e) =>
      entry.match.map((rule, index) => ({
        entry: e,
        index,
        serial: serial++,
        rule,
        keywordIds: idsOf(rule.keywords),
        allKeywordIds: idsOf(rule.allKeywords),
        patternLiteralIds: idsOf(rule.patternLiterals),
        unlessLiteralIds: idsOf(rule.unlessLiterals),
      })),
    );
    this.needles = new NeedleIndex([...ids.keys()]);
    const unscannable = new Set(this.needles.unscannable());
    const file = <K>(map: Map<K, Slot[]>, key: K, slot: Slot) => map.set(key, [...(map.get(key) ?? []), slot]);
    for (const slot of slots) {
      // Any one of these needles must occur for the rule to fire (keywords, else the regex prefilter).
      const gate = slot.allKeywordIds?.slice(0, 1) ?? slot.keywordIds ?? slot.patternLiteralIds;
      if (gate && !gate.some((id) => unscannable.has(id))) for (const id of gate) (this.byNeedle[id] ??= []).push(slot);
      else if (slot.rule.status) for (const s of slot.rule.status) file(this.byStatus, s, slot);
      else if (slot.rule.type) for (const t of slot.rule.type) file(this.byType, t, slot);
      else this.always.push(slot);
    }
    this.checked = new Uint32Array(slots.length);
  }

  /** Every entry with a firing rule, best first (confidence, then priority, then catalogue order). */
  rank(input: MatchInput): Candidate[] {
    const { has, found } = this.needles.scan(input.lower);
    const generation = ++this.generation;
    const best = new Map<number, Candidate>();
    const consider = (slot: Slot) => {
      if (this.checked[slot.serial] === generation) return;
      this.checked[slot.serial] = generation;
      const current = best.get(slot.entry);
      if (current && current.confidence >= slot.rule.confidence) return;
      if (ruleHolds(slot, input, has)) best.set(slot.entry, { entry: this.entries[slot.entry]!, confidence: slot.rule.confidence, rule: slot.index });
    };
    for (const id of found) this.byNeedle[id]?.forEach(consider);
    const { status, type } = input.signals;
    if (status !== null) this.byStatus.get(status)?.forEach(consider);
    if (type !== null) this.byType.get(type)?.forEach(consider);
    this.always.forEach(consider);
    return [...best.entries()]
      .sort(([ea, a], [eb, b]) => b.confidence - a.confidence || b.entry.priority - a.entry.priority || ea - eb)
      .map(([, candidate]) => candidate);
  }
}
