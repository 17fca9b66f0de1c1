/**
 * A value looked up on demand from a slow or unreliable source (a status page, the model list):
 * one lookup at a time however many callers wait, the answer kept for `ttlMs`, a failure (`null`)
 * for the shorter `failureTtlMs` so an unreachable source is not asked on every reply.
 */
export function cachedLookup<T>(
  load: () => Promise<T | null>,
  options: { ttlMs: number; failureTtlMs: number; now: () => number },
): () => Promise<T | null> {
  let cached: { value: T | null; until: number } | null = null;
  let pending: Promise<T | null> | null = null;
  return () => {
    if (cached && options.now() < cached.until) return Promise.resolve(cached.value);
    pending ??= load().then((value) => {
      cached = { value, until: options.now() + (value === null ? options.failureTtlMs : options.ttlMs) };
      pending = null;
      return value;
    });
    return pending;
  };
}
