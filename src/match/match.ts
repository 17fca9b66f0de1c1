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

/**
 * Signals a rule can be filed under, in this order: a rule that lists values for one of them cannot
 * fire unless the paste's value is in its list (rule.ts `structuredHolds`), so it is checked only then.
 */
const FILED_BY = ['status', 'type', 'errorCode', 'sdkException', 'foreignProvider', 'client'] as const;
type FilingSignal = (typeof FILED_BY)[number];

const NOTHING_FOUND = (): boolean => false;

/** The state of one `match` call: which entries fired, with which rule, and which rules were vetoed. */
interface Pass {
  input: MatchInput;
  found: (id: number) => boolean;
  best: Map<number, { standing: number; rule: number }>;
  firings: Firing[];
  blocked: Slot[];
}

/**
 * One scan of a paste (lower-cased) by the matcher's needle index: the catalogue's needles and the
 * strings the matcher was asked to find as well (`alsoFind`). Valid until the matcher's next scan.
 */
export interface PasteScan {
  lower: string;
  has: (id: number) => boolean;
  found: number[];
  /** Whether `alsoFind[k]` occurs. */
  also: (k: number) => boolean;
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
 * without (a needle, else the first signal it lists: FILED_BY), so only the rules a paste can wake are checked.
 * `plain: true` checks every rule instead: the differential test holds both ways to the same answers.
 */
export class Matcher {
  readonly precedence: Precedence;
  private readonly needles: NeedleIndex;
  private readonly slots: Slot[];
  private readonly byNeedle: Slot[][] = [];
  private readonly bySignal: ReadonlyMap<FilingSignal, Map<string | number, Slot[]>> = new Map(FILED_BY.map((s) => [s, new Map()]));
  private readonly always: Slot[] = [];
  private readonly checked: Uint32Array;
  private generation = 0;
  /** Where the `alsoFind` strings start among the needle ids. */
  private readonly alsoFrom: number;
  /** Strings found in the same scan as the catalogue's, for a caller that scans the paste anyway (extraction's literals). */
  readonly alsoFind: readonly string[];

  constructor(
    readonly entries: readonly CompiledEntry[],
    options: { alsoFind?: readonly string[] } = {},
  ) {
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
    this.alsoFrom = ids.size;
    this.alsoFind = options.alsoFind ?? [];
    this.needles = new NeedleIndex([...ids.keys(), ...this.alsoFind]);
    const unscannable = new Set(this.needles.unscannable());
    for (const slot of this.slots) {
      // Any one of these needles must occur for the rule to fire (keywords, else the regex prefilter).
      const gate = slot.allKeywordIds?.slice(0, 1) ?? slot.keywordIds ?? slot.patternLiteralIds;
      const signal = FILED_BY.find((s) => slot.rule[s] !== undefined);
      if (gate && !gate.some((id) => unscannable.has(id))) for (const id of gate) (this.byNeedle[id] ??= []).push(slot);
      else if (signal) {
        const map = this.bySignal.get(signal)!;
        for (const value of slot.rule[signal]!) map.set(value, [...(map.get(value) ?? []), slot]);
      } else this.always.push(slot);
    }
    this.checked = new Uint32Array(this.slots.length);
  }

  /** Every entry with a firing rule, best first. */
  rank(input: MatchInput): Candidate[] {
    return this.match(input).candidates;
  }

  /** Scans a lower-cased paste for the catalogue's needles and `alsoFind`, once. */
  scan(lower: string): PasteScan {
    const { has, found } = this.needles.scan(lower);
    return { lower, has, found, also: offset(has, this.alsoFrom) };
  }

  /** The ranking and the vetoes that shaped it; `scan` is reused when it was made of `input.lower`. */
  match(input: MatchInput, options: { plain?: boolean; scan?: PasteScan } = {}): Ranking {
    const pass: Pass = { input, found: NOTHING_FOUND, best: new Map(), firings: [], blocked: [] };
    if (options.plain) {
      for (const slot of this.slots) {
        const plain = plainRule(slot.rule, input.lower);
        pass.found = plain.found;
        consider(pass, { ...slot, ...plain.indexed });
      }
    } else {
      // Loops rather than closures: under tsx every closure made per call is also named (esbuild keepNames), a cost per paste.
      const { has, found } = options.scan?.lower === input.lower ? options.scan : this.needles.scan(input.lower);
      pass.found = has;
      const generation = ++this.generation;
      for (const id of found) {
        const slots = this.byNeedle[id];
        if (slots) for (const slot of slots) this.once(pass, slot, generation);
      }
      for (const signal of FILED_BY) {
        const value = input.signals[signal];
        const slots = value === null ? undefined : this.bySignal.get(signal)!.get(value);
        if (slots) for (const slot of slots) this.once(pass, slot, generation);
      }
      for (const slot of this.always) this.once(pass, slot, generation);
    }
    const { best, firings, blocked } = pass;
    const candidates = rankFirings(firings, this.entries, this.precedence);
    // Only a veto on a rule stronger than what its entry fired with changed anything.
    const vetoes = blocked
      .filter((s) => s.rule.standing > (best.get(s.entry)?.standing ?? 0))
      .sort((a, b) => a.serial - b.serial)
      .map((s) => ({ entry: this.entries[s.entry]!, rule: s.index }));
    return { candidates, vetoed: vetoes };
  }

  /** Checks a rule once per `match` call, however many of its needles and signals woke it. */
  private once(pass: Pass, slot: Slot, generation: number): void {
    if (this.checked[slot.serial] === generation) return;
    this.checked[slot.serial] = generation;
    consider(pass, slot);
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

/** Checks one rule and records the outcome in the pass. */
function consider(pass: Pass, slot: Slot): void {
  const current = pass.best.get(slot.entry);
  // A weaker (or later, equally standing) rule of an entry that already fired changes nothing.
  if (current && (current.standing > slot.rule.standing || (current.standing === slot.rule.standing && current.rule < slot.index))) return;
  if (!conditionsHold(slot, pass.input, pass.found)) return;
  if (vetoed(slot, pass.input, pass.found)) {
    pass.blocked.push(slot);
    return;
  }
  pass.best.set(slot.entry, { standing: slot.rule.standing, rule: slot.index });
  pass.firings.push({ entry: slot.entry, rule: slot.index });
}

/** `has` for ids counted from `from` (a returned arrow: not named per call under tsx, see NeedleIndex.hasIn). */
function offset(has: (id: number) => boolean, from: number): (k: number) => boolean {
  return (k) => has(from + k);
}
