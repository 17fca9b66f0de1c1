/**
 * State shared by every replica of the bot: event dedupe, thread memory for follow-ups, the model
 * fallback's quota and answer cache, feedback and incident counters, the Discord gateway lease.
 * The default keeps it in the process (one replica, no setup); REDIS_URL shares it (src/store).
 *
 * Every value written through the port is redacted first (src/store/redact-stored.ts), so no
 * implementation ever holds a pasted secret. Keys are built by the callers from ids and digests,
 * never from pasted text.
 */
export interface SharedStore {
  /** `memory` (this process) or `redis` (shared by every replica on the same REDIS_URL). */
  readonly kind: 'memory' | 'redis';
  /**
   * Atomic set-if-absent with a TTL (Redis `SET NX PX`): true the first time `key` is claimed
   * within `ttlMs`; of two concurrent claims, one wins.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** A JSON value, or null when absent or expired. */
  get(key: string): Promise<unknown>;
  /** Stores a JSON value for `ttlMs`. */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** A sliding-window budget: counts one use of `key` if fewer than `limit` fell in the last `windowMs`. */
  take(key: string, limit: number, windowMs: number): Promise<{ ok: true } | { ok: false; retryInMs: number }>;
  /** Adds `by` to a counter and returns its new value; the counter lives for `ttlMs` after its last change. */
  increment(key: string, by: number, ttlMs: number): Promise<number>;
  /**
   * Records `member` (a digest, never a name) as seen now under `key` and returns how many
   * different members were seen in the last `windowMs`, and when the earliest of them was.
   */
  distinctRecent(key: string, member: string, windowMs: number): Promise<{ count: number; since: number }>;
  /**
   * Takes or renews the lease `name` for `owner` for `ttlMs`. True while `owner` holds it. When
   * the shared store cannot be reached, a holder keeps its lease and nobody else gets it: two
   * replicas must never both think they hold it.
   */
  lease(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up at once (a clean stop), so a standby takes over without waiting for the TTL. */
  releaseLease(name: string, owner: string): Promise<void>;
  /** `ok`; `degraded` while REDIS_URL is set but Redis cannot be reached (the process stands in). */
  health(): StoreHealth;
  close(): Promise<void>;
}

export type StoreHealth = 'ok' | 'degraded';
