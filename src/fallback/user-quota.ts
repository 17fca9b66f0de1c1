/**
 * A per-user sliding window: at most `limit` model calls in any `windowMs`. Memory is bounded:
 * users whose window is empty are forgotten, and past `maxUsers` the oldest are dropped.
 */
export class UserQuota {
  private readonly calls = new Map<string, number[]>();

  constructor(
    private readonly opts: { limit: number; windowMs?: number; now: () => number; maxUsers?: number },
  ) {}

  private get windowMs(): number {
    return this.opts.windowMs ?? 60_000;
  }

  /** Counts one call for `user` if the window allows it; otherwise says when the next one will. */
  take(user: string): { ok: true } | { ok: false; retryInMs: number } {
    const now = this.opts.now();
    const recent = (this.calls.get(user) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.opts.limit) {
      this.calls.set(user, recent);
      return { ok: false, retryInMs: recent[0]! + this.windowMs - now };
    }
    recent.push(now);
    this.calls.delete(user); // re-insert so Map order tracks recent use
    this.calls.set(user, recent);
    this.prune(now);
    return { ok: true };
  }

  private prune(now: number): void {
    const maxUsers = this.opts.maxUsers ?? 10_000;
    if (this.calls.size <= maxUsers) return;
    for (const [user, times] of this.calls) {
      if (times.every((t) => t <= now - this.windowMs)) this.calls.delete(user);
    }
    // Still too many active users: forget the least recently seen (Map keeps insertion order).
    for (const user of this.calls.keys()) {
      if (this.calls.size <= maxUsers) break;
      this.calls.delete(user);
    }
  }
}
