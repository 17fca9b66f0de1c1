/**
 * Precedence between catalogue entries: each entry's `outranks` edges, closed transitively (if A
 * outranks B and B outranks C, A outranks C). It decides only between entries whose best rules fire
 * in the same evidence tier; a stronger tier always wins.
 */
export interface RankedEntry {
  id: string;
  outranks: readonly string[];
}

export class Precedence {
  private readonly index = new Map<string, number>();
  private readonly direct: number[][];
  /** reach[a * n + b] = 1 when a outranks b (directly or through other entries). */
  private readonly reach: Uint8Array;

  constructor(private readonly entries: readonly RankedEntry[]) {
    entries.forEach((e, i) => this.index.set(e.id, i));
    const n = entries.length;
    this.direct = entries.map((e) => e.outranks.flatMap((id) => (this.index.has(id) ? [this.index.get(id)!] : [])));
    this.reach = new Uint8Array(n * n);
    for (let a = 0; a < n; a++) {
      const stack = [...this.direct[a]!];
      while (stack.length > 0) {
        const b = stack.pop()!;
        if (this.reach[a * n + b]) continue;
        this.reach[a * n + b] = 1;
        stack.push(...this.direct[b]!);
      }
    }
  }

  /** True when entry `a` outranks entry `b` (positions in the catalogue). */
  outranks(a: number, b: number): boolean {
    return this.reach[a * this.entries.length + b] === 1;
  }

  /** The chain of edges by which `a` outranks `b` (ids, `a` first), shortest first; null when it does not. */
  path(a: number, b: number): string[] | null {
    if (!this.outranks(a, b)) return null;
    const from = new Map<number, number>([[a, -1]]);
    const queue = [a];
    for (let q = 0; q < queue.length; q++) {
      for (const next of this.direct[queue[q]!]!) {
        if (from.has(next)) continue;
        from.set(next, queue[q]!);
        if (next === b) {
          const chain = [b];
          for (let at = queue[q]!; at !== -1; at = from.get(at)!) chain.unshift(at);
          return chain.map((i) => this.entries[i]!.id);
        }
        queue.push(next);
      }
    }
    return null;
  }
}

/** Edges to unknown entries, edges to oneself, and cycles, each named ("a → b → a"). */
export function precedenceProblems(entries: readonly RankedEntry[]): string[] {
  const ids = new Set(entries.map((e) => e.id));
  const problems: string[] = [];
  for (const e of entries) {
    for (const target of e.outranks) {
      if (target === e.id) problems.push(`${e.id}: outranks: an entry cannot outrank itself`);
      else if (!ids.has(target)) problems.push(`${e.id}: outranks: unknown entry "${target}"`);
    }
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    trail.push(id);
    for (const next of byId.get(id)?.outranks ?? []) {
      if (next === id || !byId.has(next)) continue;
      if (state.get(next) === 'open') problems.push(`outranks: cycle ${[...trail.slice(trail.indexOf(next)), next].join(' → ')}`);
      else if (!state.has(next)) visit(next);
    }
    trail.pop();
    state.set(id, 'done');
  };
  for (const e of entries) if (!state.has(e.id)) visit(e.id);
  return problems;
}
