import { type CompiledEntry, Precedence } from '../catalog';
import { NeedleIndex } from '../scan';
import { type Candidate, type Firing, rankFirings } from './rank';
import { conditionsHold, type IndexedRule, type MatchInput, plainRule, vetoed } from './rule';

/**
 * Below this the rules are not sure: the model fallback is asked (when configured), and the reply
 * says the answer is a guess. The `hint` tier (0.5) is below it; `shape` (0.75) and `exact` (0.95) above.
 */
export const CONFIDENT = 0.6;

/** A rule whose conditions held but whose `unless` blocked it, stronger than anything else its entry fired. */
export interface Veto {
  entry: CompiledEntry;
  rule: number;
}

export interface Ranking {
  /** Every entry with a firing rule, best first. */
  candidates: Candidate[];
  /** The vetoes that kept an entry out, or lower than it would have been. */
  vetoed: Veto[];
}

/** Every rule's outcome on one text, for the hygiene analysis (dead rules and vetoes, ties). */
export interface RuleOutcome extends Firing {
  /** The rule's conditions hold and its veto does not block it. */
  fires: boolean;
  /** The conditions hold but the veto blocks the rule. */
  blocked: boolean;
}

interface Slot extends IndexedRule {
  /** Position of the entry in the catalogue. */
  entry: number;
  /** Position of the rule in its entry. */
  index: number;
  /** Position among all rules, to check each rule once per paste. */
  serial: number;
}

/**
 * The catalogue, ready to rank pastes. Every keyword and regex prefilter of every rule goes into one
 * needle index, so a paste is scanned once; each rule is filed under one condition it cannot fire
 * without (a needle, else its status, else its type), so only the rules a paste can wake are checked.
 * `plain: true` checks every rule instead: the differential test holds both ways to the same answers.
 */
export class Matcher {
  readonly precedence: Precedence;
  private readonly needles: NeedleIndex;
  private readonly slots: Slot[];
  private readonly byNeedle: Slot[][] = [];
  private readonly byStatus = new Map<number, Slot[]>();
  private readonly byType = new Map<string, Slot[]>();
  private readonly always: Slot[] = [];
  private readonly checked: Uint32Array;
  private generation = 0;

  constructor(readonly entries: readonly CompiledEntry[]) {
    this.precedence = new Precedence(entries);
    const ids = new Map<string, number>();
    const idsOf = (strings: readonly string[] | undefined) =>
      strings?.map((s) => {
        let id = ids.get(s);
        if (id === undefined) ids.set(s, (id = ids.size));
        return id;
      });
    let serial = 0;
    this.slots = entries.flatMap((entry, e) =>
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
    for (const slot of this.slots) {
      // Any one of these needles must occur for the rule to fire (keywords, else the regex prefilter).
      const gate = slot.allKeywordIds?.slice(0, 1) ?? slot.keywordIds ?? slot.patternLiteralIds;
      if (gate && !gate.some((id) => unscannable.has(id))) for (const id of gate) (this.byNeedle[id] ??= []).push(slot);
      else if (slot.rule.status) for (const s of slot.rule.status) file(this.byStatus, s, slot);
      else if (slot.rule.type) for (const t of slot.rule.type) file(this.byType, t, slot);
      else this.always.push(slot);
    }
    this.checked = new Uint32Array(this.slots.length);
  }

  /** Every entry with a firing rule, best first. */
  rank(input: MatchInput): Candidate[] {
    return this.match(input).candidates;
  }

  /** The ranking and the vetoes that shaped it. */
  match(input: MatchInput, options: { plain?: boolean } = {}): Ranking {
    const best = new Map<number, { standing: number; rule: number }>();
    const firings: Firing[] = [];
    const blocked: Slot[] = [];
    const consider = (slot: Slot, found: (id: number) => boolean) => {
      const current = best.get(slot.entry);
      // A weaker (or later, equally standing) rule of an entry that already fired changes nothing.
      if (current && (current.standing > slot.rule.standing || (current.standing === slot.rule.standing && current.rule < slot.index))) return;
      if (!conditionsHold(slot, input, found)) return;
      if (vetoed(slot, input, found)) {
        blocked.push(slot);
        return;
      }
      best.set(slot.entry, { standing: slot.rule.standing, rule: slot.index });
      firings.push({ entry: slot.entry, rule: slot.index });
    };
    if (options.plain) {
      for (const slot of this.slots) {
        const plain = plainRule(slot.rule, input.lower);
        consider({ ...slot, ...plain.indexed }, plain.found);
      }
    } else {
      const { has, found } = this.needles.scan(input.lower);
      const generation = ++this.generation;
      const once = (slot: Slot) => {
        if (this.checked[slot.serial] === generation) return;
        this.checked[slot.serial] = generation;
        consider(slot, has);
      };
      for (const id of found) this.byNeedle[id]?.forEach(once);
      const { status, type } = input.signals;
      if (status !== null) this.byStatus.get(status)?.forEach(once);
      if (type !== null) this.byType.get(type)?.forEach(once);
      this.always.forEach(once);
    }
    const candidates = rankFirings(firings, this.entries, this.precedence);
    // Only a veto on a rule stronger than what its entry fired with changed anything.
    const vetoes = blocked
      .filter((s) => s.rule.standing > (best.get(s.entry)?.standing ?? 0))
      .sort((a, b) => a.serial - b.serial)
      .map((s) => ({ entry: this.entries[s.entry]!, rule: s.index }));
    return { candidates, vetoed: vetoes };
  }

  /** Every rule's outcome on one text, every rule checked (no index, no shortcut). */
  outcomes(input: MatchInput): RuleOutcome[] {
    return this.slots.flatMap((slot) => {
      const plain = plainRule(slot.rule, input.lower);
      const indexed = { ...slot, ...plain.indexed };
      if (!conditionsHold(indexed, input, plain.found)) return [];
      const blocked = vetoed(indexed, input, plain.found);
      return [{ entry: slot.entry, rule: slot.index, fires: !blocked, blocked }];
    });
  }
}
