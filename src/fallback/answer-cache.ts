import { createHash } from 'node:crypto';

/**
 * Model answers by normalized paste, for `ttlMs`. Keys are stored as SHA-256 digests, so the cache
 * holds no pasted text; past `maxEntries` the least recently used entry goes.
 */
export class AnswerCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly opts: { ttlMs: number; maxEntries?: number; now: () => number }) {}

  get(key: string): V | undefined {
    const digest = this.digest(key);
    const hit = this.entries.get(digest);
    if (!hit) return undefined;
    if (hit.expiresAt <= this.opts.now()) {
      this.entries.delete(digest);
      return undefined;
    }
    this.entries.delete(digest); // refresh recency
    this.entries.set(digest, hit);
    return hit.value;
  }

  set(key: string, value: V): void {
    const digest = this.digest(key);
    this.entries.delete(digest);
    this.entries.set(digest, { value, expiresAt: this.opts.now() + this.opts.ttlMs });
    const max = this.opts.maxEntries ?? 1_000;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private digest(key: string): string {
    return createHash('sha256').update(key).digest('hex');
  }
}
