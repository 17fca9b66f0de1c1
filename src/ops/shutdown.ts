import type { Logger } from '../ports';
import type { InFlight } from './in-flight';

/** An adapter's stop() stops taking events, lets its replies in flight finish, then disconnects. */
export interface Stoppable {
  readonly name: string;
  stop(): Promise<void>;
}

export interface Closable {
  readonly name: string;
  close(): Promise<void>;
}

export interface ShutdownParts {
  adapters: readonly Stoppable[];
  inFlight: InFlight;
  /** Closed in order once the adapters are stopped (or cut): the health server, then the doctor. */
  closers: readonly Closable[];
  logger: Logger;
  /** Whole budget from the signal to the end of the sequence. */
  graceMs?: number;
  /** Part of the budget kept for the closers after replies are cut. */
  closeReserveMs?: number;
}

export interface ShutdownResult {
  /** Every reply finished and every part stopped within the budget. */
  clean: boolean;
  /** Tracked replies still running when they were cut. */
  cutReplies: number;
  /** Adapters or closers that had not finished by their deadline. */
  stuck: string[];
}

export const SHUTDOWN_GRACE_MS = 10_000;
const CLOSE_RESERVE_MS = 1_500;
/** What an adapter's own drain on stop() may take, so the whole sequence fits in the grace period. */
export const REPLY_DRAIN_MS = SHUTDOWN_GRACE_MS - CLOSE_RESERVE_MS;

/** Resolves `true` when `work` settles in time, `false` at the deadline; never rejects. */
function within(work: Promise<unknown>, ms: number, onError: (error: unknown) => void): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms), false)));
  const settled = work.then(
    () => true,
    (error: unknown) => (onError(error), true),
  );
  return Promise.race([settled, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The clean stop: take no new events, let replies in flight finish, disconnect, close the health
 * server and the doctor — all within `graceMs` (10 s), so a process manager's stop never has to
 * escalate to SIGKILL. Replies still running at the deadline are cut and counted.
 */
export async function shutdown(parts: ShutdownParts, reason: string): Promise<ShutdownResult> {
  const graceMs = parts.graceMs ?? SHUTDOWN_GRACE_MS;
  const started = Date.now();
  const remaining = () => graceMs - (Date.now() - started);
  const { logger, inFlight } = parts;
  const stuck: string[] = [];
  logger.info({ reason, inFlight: inFlight.size, adapters: parts.adapters.map((a) => a.name) }, 'shutting down');

  inFlight.close();
  // Adapters stop in parallel with the wait: each one first stops taking events, then drains.
  const drainMs = graceMs - (parts.closeReserveMs ?? CLOSE_RESERVE_MS);
  const replies = inFlight.idle(Math.max(0, drainMs));
  const adapters = await Promise.all(
    parts.adapters.map(async (a) => {
      const ok = await within(a.stop(), drainMs - (Date.now() - started), (error) => logger.error({ err: error, adapter: a.name }, 'adapter failed to stop cleanly'));
      if (!ok) stuck.push(a.name);
      return ok;
    }),
  );
  const repliesDone = await replies;
  const cutReplies = inFlight.size;
  if (cutReplies > 0) logger.warn({ cutReplies, afterMs: Date.now() - started }, 'replies still running at the deadline were cut');

  for (const c of parts.closers) {
    const ok = await within(c.close(), remaining(), (error) => logger.error({ err: error, part: c.name }, 'failed to close cleanly'));
    if (!ok) stuck.push(c.name);
  }
  const clean = repliesDone && adapters.every(Boolean) && stuck.length === 0;
  logger.info({ clean, stuck, elapsedMs: Date.now() - started }, 'shutdown complete');
  return { clean, cutReplies, stuck };
}

/**
 * Runs `onSignal` once on the first SIGTERM or SIGINT; a second signal calls `onForce` (the
 * operator pressed Ctrl-C twice). Returns a function that removes the handlers.
 */
export function onShutdownSignals(
  proc: Pick<NodeJS.Process, 'on' | 'off'>,
  onSignal: (signal: NodeJS.Signals) => void,
  onForce: (signal: NodeJS.Signals) => void,
): () => void {
  let received = false;
  const handler = (signal: NodeJS.Signals) => {
    if (received) return onForce(signal);
    received = true;
    onSignal(signal);
  };
  proc.on('SIGTERM', handler);
  proc.on('SIGINT', handler);
  return () => {
    proc.off('SIGTERM', handler);
    proc.off('SIGINT', handler);
  };
}
