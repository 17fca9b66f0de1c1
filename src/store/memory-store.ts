import type { SharedStore, StoreHealth } from '../ports';
import { redactForStorage } from './redact-stored';
import { SlidingWindows } from './sliding-window';
import { TtlMap } from './ttl-map';

export interface MemoryStoreOptions {
  now?: () => number;
  /** Keys kept per kind (claims, counters, windows); the oldest go first. */
  maxEntries?: number;
  /**
   * JSON values kept (thread answers, cached model answers, answers open to a 👎): each is a few
   * KB, so fewer than the small keys above; the oldest go first.
   */
  maxValues?: number;
}

/** Longer than anything stored on purpose; every entry has its own shorter TTL. */
const CEILING_MS = 30 * 24 * 3_600_000;

/**
 * The default store: this process only, bounded memory, nothing to set up. Also the stand-in
 * while Redis cannot be reached. A lease is always this process's: there is no one to share with.
 */
export class MemoryStore implements SharedStore {
  readonly kind = 'memory' as const;
  private readonly now: () => number;
  private readonly claims: TtlMap<true>;
  private readonly values: TtlMap<string>;
  private readonly counters: TtlMap<number>;
  private readonly recent: TtlMap<Map<string, number>>;
  private readonly windows: SlidingWindows;

  constructor(options: MemoryStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    const max = options.maxEntries ?? 10_000;
    this.claims = new TtlMap(CEILING_MS, max, this.now);
    this.values = new TtlMap(CEILING_MS, options.maxValues ?? Math.min(max, 4_000), this.now);
    this.counters = new TtlMap(CEILING_MS, max, this.now);
    this.recent = new TtlMap(CEILING_MS, max, this.now);
    this.windows = new SlidingWindows({ now: this.now, maxKeys: max });
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    if (this.claims.has(key)) return false;
    this.claims.set(key, true, ttlMs);
    return true;
  }

  async get(key: string): Promise<unknown> {
    const raw = this.values.get(key);
    return raw === undefined ? null : (JSON.parse(raw) as unknown);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    // Serialised like Redis would, so a caller cannot rely on object identity that Redis would lose.
    this.values.set(key, JSON.stringify(redactForStorage(value)), ttlMs);
  }

  async take(key: string, limit: number, windowMs: number) {
    return this.windows.take(key, limit, windowMs);
  }

  async increment(key: string, by: number, ttlMs: number): Promise<number> {
    const next = (this.counters.get(key) ?? 0) + by;
    this.counters.set(key, next, ttlMs);
    return next;
  }

  async distinctRecent(key: string, member: string, windowMs: number): Promise<{ count: number; since: number }> {
    const now = this.now();
    const seen = this.recent.get(key) ?? new Map<string, number>();
    seen.set(member, now);
    for (const [m, at] of seen) if (at <= now - windowMs) seen.delete(m);
    this.recent.set(key, seen, windowMs);
    return { count: seen.size, since: Math.min(...seen.values()) };
  }

  async lease(): Promise<boolean> {
    return true;
  }

  async releaseLease(): Promise<void> {}

  health(): StoreHealth {
    return 'ok';
  }

  async close(): Promise<void> {}
}
