/**
 * Finds which of many lower-case strings occur in a text, in one pass (Aho–Corasick with a dense
 * transition table). The catalogue's keywords and regex prefilters are all registered here, so a
 * paste is scanned once instead of once per keyword per rule.
 */
export class NeedleIndex {
  private readonly classOf = new Uint8Array(65536);
  private readonly width: number;
  /**
   * Next state by (state × width + class). 16-bit while the states fit (the catalogue's and
   * extraction's needles make ~13,000): half the table the scan pulls through the cache per paste.
   */
  private readonly delta: Uint16Array | Int32Array;
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;
  /** Needles with characters beyond the table's 255 classes are looked up with `includes` instead. */
  private readonly verify: boolean[];
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(private readonly needles: readonly string[]) {
    let classes = 1;
    for (const n of needles) {
      for (let i = 0; i < n.length; i++) {
        const c = n.charCodeAt(i);
        if (this.classOf[c] === 0 && classes < 255) this.classOf[c] = classes++;
      }
    }
    this.width = classes;
    this.verify = needles.map((n) => [...n].some((ch) => this.classOf[ch.charCodeAt(0)] === 0));

    // Trie.
    const next: Map<number, number>[] = [new Map()];
    const outputs: number[][] = [[]];
    needles.forEach((needle, id) => {
      let s = 0;
      for (let i = 0; i < needle.length; i++) {
        const c = this.classOf[needle.charCodeAt(i)]!;
        let t = next[s]!.get(c);
        if (t === undefined) {
          t = next.length;
          next.push(new Map());
          outputs.push([]);
          next[s]!.set(c, t);
        }
        s = t;
      }
      outputs[s]!.push(id);
    });

    // Failure links, breadth first, folded into a full transition table.
    const states = next.length;
    this.delta = states <= 0xffff ? new Uint16Array(states * this.width) : new Int32Array(states * this.width);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let c = 1; c < this.width; c++) {
      const t = next[0]!.get(c);
      if (t !== undefined) {
        this.delta[c] = t;
        queue.push(t);
      }
    }
    const width = this.width;
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      const f = fail[s]!;
      outputs[s]!.push(...outputs[f]!);
      // A state goes where its failure state goes, except along its own children: the failure state's
      // row copied whole, then the children written over it (one copy instead of a lookup per class).
      this.delta.copyWithin(s * width, f * width, f * width + width);
      const children = [...next[s]!].sort((a, b) => a[0] - b[0]);
      for (const [c, t] of children) {
        fail[t] = this.delta[f * width + c]!;
        this.delta[s * width + c] = t;
        queue.push(t);
      }
    }
    this.outStart = new Int32Array(states + 1);
    for (let s = 0; s < states; s++) this.outStart[s + 1] = this.outStart[s]! + outputs[s]!.length;
    this.outIds = new Int32Array(this.outStart[states]!);
    outputs.forEach((ids, s) => ids.forEach((id, k) => (this.outIds[this.outStart[s]! + k] = id)));
    this.seen = new Uint32Array(needles.length);
  }

  /**
   * Scans `lower` (already lower-cased): `has(id)` tells whether needle `id` occurs, and `found`
   * lists the needles that occur (each once; needles checked with `includes` are not listed).
   */
  scan(lower: string): { has: (id: number) => boolean; found: number[] } {
    const stamp = ++this.stamp;
    const { classOf, delta, width, outStart, outIds, seen } = this;
    const found: number[] = [];
    let s = 0;
    for (let i = 0; i < lower.length; i++) {
      s = delta[s * width + classOf[lower.charCodeAt(i)]!]!;
      for (let k = outStart[s]!; k < outStart[s + 1]!; k++) {
        const id = outIds[k]!;
        if (seen[id] !== stamp) {
          seen[id] = stamp;
          found.push(id);
        }
      }
    }
    return { has: this.hasIn(lower, stamp), found };
  }

  /**
   * `has` for one scan. Made here rather than as an arrow in the returned object: under tsx
   * (esbuild keepNames) a named arrow made per call also gets its name defined per call.
   */
  private hasIn(lower: string, stamp: number): (id: number) => boolean {
    return (id) => (this.verify[id] ? lower.includes(this.needles[id]!) : this.seen[id] === stamp);
  }

  /** Needles the scan cannot see (characters beyond the table); callers treat them as always possible. */
  unscannable(): number[] {
    return this.verify.flatMap((v, id) => (v ? [id] : []));
  }
}
