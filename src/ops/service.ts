import { isWorkingAsMeant, startHealthServer } from './health-server';
import type { StoreHealth } from '../ports';
import type { Ops } from './ops';
import { type Closable, onShutdownSignals, type ShutdownResult, type Stoppable, shutdown } from './shutdown';

/** A chat adapter as the service runs it: the adapter port plus its state for /healthz. */
export interface ChatAdapter extends Stoppable {
  start(): Promise<void>;
  state(): string;
}

export interface ServeOptions {
  adapters: readonly ChatAdapter[];
  /** Closed last (releases the OCR worker). */
  doctor: { close(): Promise<void> };
  /** The shared store when REDIS_URL is set: its health goes to /healthz; closed after the doctor. */
  store?: { health(): StoreHealth; close(): Promise<void> };
  ops: Ops;
  /** HEALTH_PORT. */
  healthPort: number;
  /** Where SIGTERM/SIGINT come from; the process in production. */
  signals: Pick<NodeJS.Process, 'on' | 'off'>;
  /** A second signal during the shutdown: the operator wants out now. */
  onForce: (signal: NodeJS.Signals) => void;
  /** Every adapter started, connected or retrying (pm2's `wait_ready` listens for this). */
  onReady?: () => void;
  graceMs?: number;
}

/** How often adapter states are looked at while one is still connecting. */
const READY_POLL_MS = 1_000;

/**
 * Runs the chat adapters with /healthz and /metrics until SIGTERM or SIGINT, then stops cleanly.
 * Resolves with the exit code: 0 after a signal, 1 when an adapter could not start.
 */
export async function serveChat(o: ServeOptions): Promise<number> {
  const { logger, metrics, inFlight } = o.ops;
  const states = () => Object.fromEntries(o.adapters.map((a) => [a.name, a.state()]));
  metrics.watchAdapters(states);
  metrics.watchInFlight(() => inFlight.size);
  const store = o.store;
  const health = await startHealthServer({
    port: o.healthPort,
    adapters: states,
    store: store && (() => store.health()),
    metrics,
    events: () => metrics.eventCounts(),
    logger,
  });

  const closers: Closable[] = [{ name: 'health server', close: () => health.close() }, { name: 'doctor', close: () => o.doctor.close() }];
  if (store) closers.push({ name: 'shared store', close: () => store.close() });
  let stopping: Promise<ShutdownResult> | null = null;
  const stop = (reason: string) => (stopping ??= shutdown({ adapters: o.adapters, inFlight, closers, logger, graceMs: o.graceMs }, reason));
  let signalled = false;
  let stoppedBySignal!: (result: Promise<ShutdownResult>) => void;
  const done = new Promise<ShutdownResult>((resolve) => (stoppedBySignal = resolve));
  // Installed before the adapters start, so a signal during start-up stops cleanly too.
  const removeHandlers = onShutdownSignals(
    o.signals,
    (s) => {
      signalled = true;
      stoppedBySignal(stop(s));
    },
    (s) => {
      logger.warn({ signal: s }, 'second signal: exiting without waiting for replies');
      o.onForce(s);
    },
  );

  let waitForUp: NodeJS.Timeout | undefined;
  try {
    await Promise.race([Promise.all(o.adapters.map((a) => a.start())), done]);
    if (!signalled) {
      // An adapter that could not connect yet (offline, Discord retrying) is running, not ready:
      // "ready" is logged once every adapter is up — or standing by as a replica should.
      const ready = () => logger.info({ adapters: states(), healthPort: health.port }, 'ready');
      const allUp = () => o.adapters.every((a) => isWorkingAsMeant(a.state()));
      if (allUp()) ready();
      else {
        logger.warn({ adapters: states(), healthPort: health.port }, 'started, but not every adapter is connected yet; retrying in the background');
        waitForUp = setInterval(() => {
          if (!allUp()) return;
          clearInterval(waitForUp);
          ready();
        }, READY_POLL_MS).unref();
      }
      o.onReady?.();
    }
  } catch (error) {
    // An adapter that rejects because the shutdown disconnected it is not a start-up failure.
    if (!signalled) {
      logger.error({ err: error }, 'an adapter could not start; stopping');
      await stop('start-up failed');
      removeHandlers();
      return 1;
    }
  }
  await done;
  clearInterval(waitForUp);
  removeHandlers();
  return 0;
}
