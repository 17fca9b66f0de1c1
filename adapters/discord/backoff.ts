/**
 * Restart schedule after a failed login or a gateway that keeps dropping. Discord allows 1,000
 * IDENTIFYs per 24 h and resets the token when a bot goes over, so a crash loop must slow down:
 * 5 s, 10 s, 20 s … capped at 5 min (at most 288 attempts a day at the cap).
 */
export const RESTART_BASE_MS = 5_000;
export const RESTART_MAX_MS = 300_000;

/** A connection that stayed up this long resets the schedule to its first step. */
export const STABLE_AFTER_MS = 300_000;

/** More reconnects than this inside the window means the gateway is flapping: restart with backoff. */
export const FLAP_LIMIT = 5;
export const FLAP_WINDOW_MS = 120_000;

/** Delay before restart number `attempt` (0-based). */
export function restartDelay(attempt: number): number {
  const exponent = Math.max(0, Math.min(attempt, 16));
  return Math.min(RESTART_BASE_MS * 2 ** exponent, RESTART_MAX_MS);
}

/** Counts events in a sliding window; true once more than `limit` happened within `windowMs`. */
export class FlapDetector {
  private readonly times: number[] = [];

  constructor(
    private readonly limit = FLAP_LIMIT,
    private readonly windowMs = FLAP_WINDOW_MS,
  ) {}

  record(now: number): boolean {
    this.times.push(now);
    while (this.times.length > 0 && now - this.times[0]! > this.windowMs) this.times.shift();
    return this.times.length > this.limit;
  }
}
