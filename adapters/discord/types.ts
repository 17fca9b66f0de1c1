import type { Logger, SharedStore } from '../../src/ports';
import type { Adapter } from '../port';

/**
 * What `/healthz` reads: `starting` while connecting (first login or a reconnect discord.js runs
 * itself), `up` once READY, `down` while waiting to restart or after a setting problem, `standby`
 * while another replica holds the gateway (REDIS_URL).
 */
export type DiscordState = 'starting' | 'up' | 'down' | 'standby';

export interface DiscordAdapter extends Adapter {
  readonly name: 'discord';
  /** For /healthz. */
  state(): DiscordState;
}

/** `message-command`: "Diagnose error" on a message; `watched`: a new post in a watched channel, read by the rules. */
export type EventKind = 'slash' | 'message-command' | 'dm' | 'watched' | 'feedback' | 'more-detail' | 'ignored';
/** `watch`: an unasked answer in a watched channel; `details`: an answer's details, after "More detail" or "more". */
export type ReplyKind = 'direct' | 'deferred' | 'dm' | 'watch' | 'details' | 'usage' | 'failure';
export type Vote = 'up' | 'down';

/**
 * Metrics hooks, all optional. The operations layer implements them with prom-client; the adapter
 * only calls them. Arguments never carry pasted text.
 */
export interface DiscordMetrics {
  eventReceived?(kind: EventKind): void;
  replySent?(kind: ReplyKind): void;
  /** `entry` is the catalogue entry id the voted answer came from, or null when none matched. */
  feedback?(entry: string | null, vote: Vote): void;
  /** A pause of `delayMs` before logging in again or before the next IDENTIFY (`reason` says which). */
  restartScheduled?(reason: string, delayMs: number): void;
}

/** Time for the restart backoff, injectable so tests need not wait 5 s or more. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Timings of the conversation with Discord. Defaults suit production; tests may shorten them. */
export interface DiscordTiming {
  /** Longest wait for the diagnosis before deferring; Discord's hard limit is 3 s from the event. */
  ackBudgetMs: number;
  /** After deferring, the answer is replaced by an apology if it takes longer than this. */
  answerDeadlineMs: number;
  /** start() waits this long for READY, then returns and lets the login go on in the background. */
  loginTimeoutMs: number;
  /** REST request timeout for discord.js (its default is 15 s). */
  restTimeoutMs: number;
  /** In-flight answers get this long to finish on stop(). */
  drainMs: number;
}

export const DEFAULT_TIMING: DiscordTiming = {
  ackBudgetMs: 1500,
  answerDeadlineMs: 45_000,
  loginTimeoutMs: 30_000,
  restTimeoutMs: 10_000,
  drainMs: 5_000,
};

export interface DiscordAdapterDeps {
  logger: Logger;
  /**
   * Interaction and DM dedupe, DM follow-up memory and votes. Shared by every replica on Redis.
   * Default: this process's memory.
   */
  store?: SharedStore;
  /** Set with REDIS_URL: replicas compete for one gateway session under a lease in `store`. */
  lease?: { ttlMs: number };
  metrics?: DiscordMetrics;
  clock?: Clock;
  timing?: Partial<DiscordTiming>;
  /** Unasked answers per watched channel in any hour (WATCH_ANSWERS_PER_HOUR). Default 20. */
  watchAnswersPerHour?: number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};
