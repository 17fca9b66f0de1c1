/**
 * Short-lived memory for the adapter: which deliveries were already handled (Slack retries events
 * and sends a mention twice, as `app_mention` and as `message`) and which thread got which answer.
 * Dedupe sits behind `DedupeStore` so several instances can share one (Redis `SET NX PX`) later.
 */

/** Remembers keys for a while. `claim` must be atomic: of two concurrent claims, one wins. */
export interface DedupeStore {
  /** True the first time `key` is claimed within its TTL, false for every later claim. */
  claim(key: string, ttlMs?: number): Promise<boolean>;
}

/** Dedupe must outlive Slack's last retry (about 5 minutes after the first delivery). */
export const DEDUPE_TTL_MS = 15 * 60_000;
export const DEDUPE_MAX_ENTRIES = 10_000;

/**
 * A map whose entries expire after a TTL and whose size is capped: when full, the oldest entry
 * goes first. Map iteration order is insertion order, so "oldest" is the first key.
 */
export class TtlMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: V, ttlMs = this.ttlMs): void {
    // Re-inserting moves the key to the end, so a refreshed entry is the youngest.
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    this.evict();
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && entry.expiresAt > now) break;
      if (this.entries.size > this.maxEntries || entry.expiresAt <= now) this.entries.delete(key);
    }
  }
}

/** The default store: one process, bounded memory. */
export class MemoryDedupeStore implements DedupeStore {
  private readonly seen: TtlMap<true>;

  constructor(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
    this.seen = new TtlMap(options.ttlMs ?? DEDUPE_TTL_MS, options.maxEntries ?? DEDUPE_MAX_ENTRIES, options.now);
  }

  async claim(key: string, ttlMs?: number): Promise<boolean> {
    if (this.seen.has(key)) return false;
    this.seen.set(key, true, ttlMs);
    return true;
  }
}
