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

/** Entry id order (a module function: a named closure made per call costs a name definition under tsx). */
function byId(entries: readonly CompiledEntry[], ea: number, eb: number): number {
  return entries[ea]!.id < entries[eb]!.id ? -1 : entries[ea]!.id > entries[eb]!.id ? 1 : 0;
}

/** An entry that fired, with what orders it: whether only a floor fired, its best rule's tier, whether the scope decision demoted it, its standing. */
interface Fired {
  e: number;
  rule: number;
  /** 1 when the entry fired only by a `scope: floor` rule: it answers only when nothing else did. */
  floor: number;
  rank: number;
  /** 1 when another service's envelope was recognised in this tier and the entry is a Claude error. */
  demoted: number;
  standing: number;
}

function sameStanding(x: Fired, y: Fired): boolean {
  return x.floor === y.floor && x.rank === y.rank && x.demoted === y.demoted && x.standing === y.standing;
}

/**
 * Ranks the entries that fired. Each entry counts with its strongest rule; an entry that fired only
 * by a `scope: floor` rule (the hedge "nothing from Claude / the app's own error") goes below every
 * entry that recognised the paste, whatever either's tier — a floor says only that nothing else
 * answered; then a stronger evidence tier always wins; within a tier, when an `envelope` scope rule fired (the error body is another
 * service's), every in-scope entry goes below every out-of-scope one — the scope decision, made once
 * instead of by an edge per competitor; then an entry that fired with a specific rule goes above a
 * scope rule, and that above a backstop; then an entry goes above every entry it outranks (precedence
 * closed transitively), and entries with no precedence between them keep entry id order (marked `tiedWith`).
 */
export function rankFirings(firings: readonly Firing[], entries: readonly CompiledEntry[], precedence: Precedence): Candidate[] {
  const best = new Map<number, { standing: number; rule: number }>();
  for (const f of firings) {
    const standing = entries[f.entry]!.match[f.rule]!.standing;
    const current = best.get(f.entry);
    if (!current || standing > current.standing || (standing === current.standing && f.rule < current.rule)) best.set(f.entry, { standing, rule: f.rule });
  }
  // The tiers in which another service's envelope was recognised.
  const envelopeTiers = new Set<number>();
  for (const [e, b] of best) if (entries[e]!.match[b.rule]!.scope === 'envelope') envelopeTiers.add(entries[e]!.match[b.rule]!.rank);
  const fired: Fired[] = [];
  for (const [e, b] of best) {
    const rank = entries[e]!.match[b.rule]!.rank;
    const demoted = envelopeTiers.has(rank) && entries[e]!.category !== 'out_of_scope' ? 1 : 0;
    const floor = entries[e]!.match[b.rule]!.scope === 'floor' ? 1 : 0;
    fired.push({ e, rule: b.rule, floor, rank, demoted, standing: b.standing });
  }
  fired.sort((x, y) => x.floor - y.floor || y.rank - x.rank || x.demoted - y.demoted || y.standing - x.standing || byId(entries, x.e, y.e));
  const out: Candidate[] = [];
  for (let i = 0; i < fired.length; ) {
    let j = i + 1;
    while (j < fired.length && sameStanding(fired[j]!, fired[i]!)) j++;
    const tier = fired.slice(i, j);
    while (tier.length > 0) {
      const maximal = tier.length === 1 ? tier : tier.filter((x) => !tier.some((o) => o.e !== x.e && precedence.outranks(o.e, x.e)));
      const { e, rule } = maximal[0]!;
      const entry = entries[e]!;
      const r = entry.match[rule]!;
      const candidate: Candidate = { entry, confidence: r.confidence, evidence: r.evidence, rule };
      if (maximal.length > 1) candidate.tiedWith = maximal.slice(1).map((o) => entries[o.e]!.id);
      out.push(candidate);
      tier.splice(tier.indexOf(maximal[0]!), 1);
    }
    i = j;
  }
  return out;
}
