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
  const rankOf = (e: number, rule: number) => entries[e]!.match[rule]!.rank;
  // The tiers in which another service's envelope was recognised.
  const envelopeTiers = new Set([...best].filter(([e, b]) => entries[e]!.match[b.rule]!.scope === 'envelope').map(([e, b]) => rankOf(e, b.rule)));
  const demoted = (e: number, rule: number) => (envelopeTiers.has(rankOf(e, rule)) && entries[e]!.category !== 'out_of_scope' ? 1 : 0);
  const byId = (ea: number, eb: number) => (entries[ea]!.id < entries[eb]!.id ? -1 : entries[ea]!.id > entries[eb]!.id ? 1 : 0);
  const floor = (e: number, rule: number) => (entries[e]!.match[rule]!.scope === 'floor' ? 1 : 0);
  const key = ([e, b]: [number, { standing: number; rule: number }]) => [-floor(e, b.rule), rankOf(e, b.rule), -demoted(e, b.rule), b.standing] as const;
  const fired = [...best.entries()].sort((x, y) => {
    const [a, b] = [key(x), key(y)];
    return b[0] - a[0] || b[1] - a[1] || b[2] - a[2] || b[3] - a[3] || byId(x[0], y[0]);
  });
  const same = (x: (typeof fired)[number], y: (typeof fired)[number]) => key(x).every((v, k) => v === key(y)[k]);
  const out: Candidate[] = [];
  for (let i = 0; i < fired.length; ) {
    let j = i + 1;
    while (j < fired.length && same(fired[j]!, fired[i]!)) j++;
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
