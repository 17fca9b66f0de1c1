/**
 * Waits `ms`, or less if `signal` aborts first. It resolves rather than rejects on abort, so the
 * caller checks the signal once and decides (the same choice the SDK's own sleep makes).
 */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish, { once: true });
  });
}
