/**
 * Character n-grams of a folded text, hashed into a fixed space: no vocabulary to store, and a gram
 * never seen in the labelled pastes costs nothing. The labelled pastes hold about 41,000 distinct
 * 4-grams, so 2^18 buckets keep collisions rare. 4-grams alone found the same nearest pastes as
 * 3- to 5-grams did (leave-one-set-out, src/neighbours/README.md) at a third of the cost.
 */
export const MIN_GRAM = 4;
export const MAX_GRAM = 4;
export const BUCKET_SPACE = 1 << 18;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A sparse vector: bucket ids (in the order the text first used them), one value each. */
export interface SparseVector {
  buckets: Int32Array;
  weights: Float32Array;
}

/** The grams of one text: bucket ids with how often each occurs. */
export interface GramCounts {
  buckets: Int32Array;
  counts: Uint32Array;
}

/**
 * Counts grams in a dense scratch array reused from text to text (a Map per text was ten times
 * slower): only the buckets a text touched are read back and cleared.
 */
export class GramCounter {
  private readonly scratch = new Uint32Array(BUCKET_SPACE);
  private touched = new Int32Array(1024);

  get bytes(): number {
    return this.scratch.byteLength + this.touched.byteLength;
  }

  count(text: string): GramCounts {
    const n = text.length;
    let used = 0;
    for (let i = 0; i + MIN_GRAM <= n; i++) {
      let h = FNV_OFFSET;
      for (let j = 0; j < MAX_GRAM && i + j < n; j++) {
        h = Math.imul(h ^ text.charCodeAt(i + j), FNV_PRIME);
        if (j + 1 < MIN_GRAM) continue;
        // The length goes into the bucket so "abc" and the "abc" prefix of "abcd" stay apart.
        const bucket = (Math.imul(h ^ (j + 1), FNV_PRIME) >>> 0) & (BUCKET_SPACE - 1);
        if (this.scratch[bucket]!++ === 0) {
          if (used === this.touched.length) {
            const grown = new Int32Array(used * 2);
            grown.set(this.touched);
            this.touched = grown;
          }
          this.touched[used++] = bucket;
        }
      }
    }
    // No order is needed: postings and dot products read a vector in any order.
    const buckets = this.touched.slice(0, used);
    const counts = new Uint32Array(used);
    for (let k = 0; k < used; k++) {
      counts[k] = this.scratch[buckets[k]!]!;
      this.scratch[buckets[k]!] = 0;
    }
    return { buckets, counts };
  }
}

/** Sublinear term frequency times inverse document frequency, scaled to unit length. */
export function weigh(grams: GramCounts, idf: (bucket: number) => number): SparseVector {
  const weights = new Float32Array(grams.buckets.length);
  let norm = 0;
  for (let k = 0; k < weights.length; k++) {
    const w = (1 + Math.log(grams.counts[k]!)) * idf(grams.buckets[k]!);
    weights[k] = w;
    norm += w * w;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < weights.length; k++) weights[k]! *= scale;
  return { buckets: grams.buckets, weights };
}
