import type { CompiledEntry, Precedence } from '../catalog';
import type { Evidence } from '../catalog';

/** A rule whose conditions held (and that no veto blocked): entry and rule are positions in the catalogue. */
export interface Firing {
  entry: number;
  rule: number;
}

export interface Candidate {
  entry: CompiledEntry;
  /** The confidence of the best tier the entry fired in. */
  confidence: number;
  evidence: Evidence;
  /** Index of the rule that counted: the entry's first rule in its best tier. */
  rule: number;
  /**
   * Same-tier entries this one has no precedence over and was still placed above: an unresolved tie,
   * broken by entry id. The hygiene test keeps shipped texts free of them at the top.
   */
  tiedWith?: string[];
}

/**
 * Ranks the entries that fired. Each entry counts with its strongest rule; a stronger evidence tier
 * always wins; within a tier an entry that fired with a specific rule goes above one that fired only
 * with a backstop; then an entry goes above every entry it outranks (precedence closed
 * transitively), and entries with no precedence between them keep entry id order (marked `tiedWith`).
 */
/** Entry id order (a module function: a named closure made per call costs a name definition under tsx). */
function byId(entries: readonly CompiledEntry[], ea: number, eb: number): number {
  return entries[ea]!.id < entries[eb]!.id ? -1 : entries[ea]!.id > entries[eb]!.id ? 1 : 0;
}

export function rankFirings(firings: readonly Firing[], entries: readonly CompiledEntry[], precedence: Precedence): Candidate[] {
  const best = new Map<number, { standing: number; rule: number }>();
  for (const f of firings) {
    const standing = entries[f.entry]!.match[f.rule]!.standing;
    const current = best.get(f.entry);
    if (!current || standing > current.standing || (standing === current.standing && f.rule < current.rule)) best.set(f.entry, { standing, rule: f.rule });
  }
  const fired = [...best.entries()].sort(([ea, a], [eb, b]) => b.standing - a.standing || byId(entries, ea, eb));
  const out: Candidate[] = [];
  for (let i = 0; i < fired.length; ) {
    let j = i + 1;
    while (j < fired.length && fired[j]![1].standing === fired[i]![1].standing) j++;
    const tier = fired.slice(i, j);
    while (tier.length > 0) {
      const maximal = tier.length === 1 ? tier : tier.filter(([e]) => !tier.some(([o]) => o !== e && precedence.outranks(o, e)));
      const [e, { rule }] = maximal[0]!;
      const entry = entries[e]!;
      const r = entry.match[rule]!;
      const candidate: Candidate = { entry, confidence: r.confidence, evidence: r.evidence, rule };
      if (maximal.length > 1) candidate.tiedWith = maximal.slice(1).map(([o]) => entries[o]!.id);
      out.push(candidate);
      tier.splice(tier.indexOf(maximal[0]!), 1);
    }
    i = j;
  }
  return out;
}
