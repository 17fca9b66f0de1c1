/**
 * Restart schedule after a failed login or a gateway that keeps dropping. Discord allows 1,000
 * IDENTIFYs per 24 h and resets the token when a bot goes over, so a crash loop must slow down:
 * 5 s, 10 s, 20 s … capped at 5 min (at most 288 attempts a day at the cap).
 */
export const RESTART_BASE_MS = 5_000;
export const RESTART_MAX_MS = 300_000;

/** A connection that stayed up this long resets the schedule to its first step. */
export const STABLE_AFTER_MS = 300_000;

/** Delay before restart number `attempt` (0-based). */
export function restartDelay(attempt: number): number {
  const exponent = Math.max(0, Math.min(attempt, 16));
  return Math.min(RESTART_BASE_MS * 2 ** exponent, RESTART_MAX_MS);
}
