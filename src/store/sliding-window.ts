/**
 * Sliding windows by key (the model fallback's per-user quota): at most `limit` uses in any
 * `windowMs`. Memory is bounded: keys whose window is empty are forgotten, and past `maxKeys` the
 * least recently used go.
 */
export class SlidingWindows {
  private readonly uses = new Map<string, { times: number[]; windowMs: number }>();

  constructor(private readonly opts: { now: () => number; maxKeys?: number }) {}

  /** Counts one use of `key` if the window allows it; otherwise says when the next one will. */
  take(key: string, limit: number, windowMs: number): { ok: true } | { ok: false; retryInMs: number } {
    const now = this.opts.now();
    const recent = (this.uses.get(key)?.times ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= limit) {
      this.uses.set(key, { times: recent, windowMs });
      return { ok: false, retryInMs: recent[0]! + windowMs - now };
    }
    recent.push(now);
    this.uses.delete(key); // re-insert so Map order tracks recent use
    this.uses.set(key, { times: recent, windowMs });
    this.prune(now);
    return { ok: true };
  }

  get size(): number {
    return this.uses.size;
  }

  private prune(now: number): void {
    const maxKeys = this.opts.maxKeys ?? 10_000;
    if (this.uses.size <= maxKeys) return;
    for (const [key, { times, windowMs }] of this.uses) {
      if (times.every((t) => t <= now - windowMs)) this.uses.delete(key);
    }
    // Still too many active keys: forget the least recently seen (Map keeps insertion order).
    for (const key of this.uses.keys()) {
      if (this.uses.size <= maxKeys) break;
      this.uses.delete(key);
    }
  }
}
