import { BUCKET_SPACE, GramCounter, type SparseVector, weigh } from './ngrams';

/** A labelled real paste, as the index knows it. */
export interface IndexedPaste<Row> {
  row: Row;
  /** Its focus text, folded (prepareText). */
  folded: string;
}

export interface Neighbour<Row> {
  row: Row;
  /** Cosine similarity of the two TF-IDF vectors, 0..1. */
  similarity: number;
}

/**
 * TF-IDF over character n-grams with an inverted index: a query touches only the postings of its
 * own grams. The postings are typed arrays laid out by bucket (offsets, documents, weights), so
 * 1,000 pastes take a few MB and no per-gram objects.
 */
export class NeighbourIndex<Row> {
  private constructor(
    private readonly rows: readonly Row[],
    private readonly df: Uint16Array,
    private readonly offsets: Int32Array,
    private readonly docs: Uint16Array,
    private readonly weights: Float32Array,
    private readonly counter: GramCounter,
  ) {}

  static build<Row>(pastes: readonly IndexedPaste<Row>[]): NeighbourIndex<Row> {
    if (pastes.length >= 0xffff) throw new Error(`the neighbour index holds at most 65,534 pastes, not ${pastes.length}`);
    const counter = new GramCounter();
    const counts = pastes.map((p) => counter.count(p.folded));
    const df = new Uint16Array(BUCKET_SPACE);
    for (const c of counts) for (const bucket of c.buckets) df[bucket]!++;
    const idf = idfOf(df, pastes.length);
    const vectors = counts.map((c) => weigh(c, idf));
    // Postings by bucket: offsets[b]..offsets[b + 1] are the documents holding bucket b.
    const offsets = new Int32Array(BUCKET_SPACE + 1);
    for (let b = 0; b < BUCKET_SPACE; b++) offsets[b + 1] = offsets[b]! + df[b]!;
    const fill = offsets.slice(0, BUCKET_SPACE);
    const total = offsets[BUCKET_SPACE]!;
    const docs = new Uint16Array(total);
    const weights = new Float32Array(total);
    vectors.forEach((v, d) => {
      for (let k = 0; k < v.buckets.length; k++) {
        const at = fill[v.buckets[k]!]!++;
        docs[at] = d;
        weights[at] = v.weights[k]!;
      }
    });
    return new NeighbourIndex(
      pastes.map((p) => p.row),
      df,
      offsets,
      docs,
      weights,
      counter,
    );
  }

  /** The query as a vector in this index's weighting. */
  private vector(folded: string): SparseVector {
    return weigh(this.counter.count(folded), idfOf(this.df, this.rows.length));
  }

  /** The `k` most similar labelled pastes, most similar first (ties: index order). */
  nearest(folded: string, k = 5): Neighbour<Row>[] {
    const query = this.vector(folded);
    const scores = new Float32Array(this.rows.length);
    for (let q = 0; q < query.buckets.length; q++) {
      const b = query.buckets[q]!;
      const w = query.weights[q]!;
      for (let at = this.offsets[b]!, end = this.offsets[b + 1]!; at < end; at++) scores[this.docs[at]!]! += w * this.weights[at]!;
    }
    const best: number[] = [];
    for (let d = 0; d < scores.length; d++) {
      if (scores[d]! <= 0) continue;
      if (best.length === k && scores[d]! <= scores[best[k - 1]!]!) continue;
      let at = best.length === k ? k - 1 : best.length;
      best[at] = d;
      while (at > 0 && scores[best[at - 1]!]! < scores[d]!) {
        best[at] = best[at - 1]!;
        best[--at] = d;
      }
    }
    return best.map((d) => ({ row: this.rows[d]!, similarity: Math.min(1, scores[d]!) }));
  }

  /** Bytes held by the postings, counts and scratch space (the rows are the caller's). */
  get bytes(): number {
    return this.df.byteLength + this.offsets.byteLength + this.docs.byteLength + this.weights.byteLength + this.counter.bytes;
  }
}

/** Smoothed inverse document frequency; a gram no indexed paste holds gets the highest weight. */
function idfOf(df: Uint16Array, n: number): (bucket: number) => number {
  return (bucket) => Math.log((n + 1) / (df[bucket]! + 1)) + 1;
}
