/**
 * The value of `work` if it settles within `ms`, otherwise null; `work` keeps running either way.
 * A rejection within `ms` is rethrown. Chat adapters use it to decide between answering at once
 * and first showing that they are working (a Slack placeholder, Discord's "thinking…").
 */
export async function settleWithin<T>(work: Promise<T>, ms: number): Promise<T | null> {
  if (ms <= 0) return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
