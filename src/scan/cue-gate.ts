import { requiredLiterals } from './literals';
import { NeedleIndex } from './needles';

/** Says whether a cue regex can match at all, from one pass over the paste. */
export type MayMatch = (re: RegExp) => boolean;
export const ALWAYS: MayMatch = () => true;

/** The literals a cue regex needs (null: none every match needs, so the cue always runs). */
export function cueLiterals(re: RegExp): string[] | null {
  return requiredLiterals(re.source, 3);
}

/**
 * A prefilter for the many cue regexes of extraction (client, cloud, other providers): the literals
 * each regex needs (derived from its source) go into one needle index, the lower-cased paste is
 * scanned once, and a regex runs only when one of its literals occurs. Most cues match few pastes.
 */
export class CueGate {
  /** Built on the first `scan`: a caller that scans the paste anyway (`gate`) never needs it. */
  private index: NeedleIndex | null = null;
  private readonly idsOf = new Map<RegExp, number[]>();
  /** The literals the cues need, by id: another index may scan for them too (see `gate`). */
  readonly literals: readonly string[];

  /**
   * `derived`: each regex's `cueLiterals`, when the caller has them already (a start-up cache);
   * by default they are derived here.
   */
  constructor(regexes: readonly RegExp[], derived: ReadonlyArray<readonly string[] | null> = regexes.map(cueLiterals)) {
    if (derived.length !== regexes.length) throw new Error(`CueGate: ${derived.length} literal lists for ${regexes.length} regexes`);
    const ids = new Map<string, number>();
    for (const [k, re] of regexes.entries()) {
      const literals = derived[k];
      if (!literals) continue; // no literal every match needs: this cue always runs
      this.idsOf.set(
        re,
        literals.map((l) => {
          let id = ids.get(l);
          if (id === undefined) ids.set(l, (id = ids.size));
          return id;
        }),
      );
    }
    this.literals = [...ids.keys()];
  }

  scan(lower: string): MayMatch {
    this.index ??= new NeedleIndex(this.literals);
    return this.gate(this.index.scan(lower).has);
  }

  /** The gate from a scan made elsewhere: `has(k)` tells whether `literals[k]` occurs in the paste. */
  gate(has: (literal: number) => boolean): MayMatch {
    return (re) => {
      const ids = this.idsOf.get(re);
      return ids === undefined || ids.some(has);
    };
  }
}
