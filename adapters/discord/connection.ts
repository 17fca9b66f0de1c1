import { setTimeout as delay } from 'node:timers/promises';
import { type Client, DiscordjsErrorCodes, Events } from 'discord.js';
import type { DiscordEnv } from '../../src/config';
import type { Logger } from '../../src/ports';
import { describeNetworkFailure, hostOf, networkFailure } from '../../src/net';
import { restartDelay, STABLE_AFTER_MS } from './backoff';
import { createDiscordClient, destroyWithin, loginAndWaitReady } from './client';
import {
  badTokenError,
  CLOSE_AUTHENTICATION_FAILED,
  CLOSE_DISALLOWED_INTENTS,
  CLOSE_INVALID_INTENTS,
  describeError,
  type DiscordSetupError,
  httpStatus,
  intentsError,
  loggableError,
} from './errors';
import { IdentifyPacer } from './identify-pacer';
import type { Clock, DiscordMetrics, DiscordState, DiscordTiming } from './types';

export interface ConnectionOptions {
  config: DiscordEnv;
  logger: Logger;
  metrics: DiscordMetrics;
  clock: Clock;
  timing: DiscordTiming;
  /** Registers the adapter's event handlers on each new client; `live()` is false once it is replaced. */
  attach(client: Client, live: () => boolean): void;
}

type Outcome = { kind: 'up' } | { kind: 'stopped' } | { kind: 'failed'; reason: string } | { kind: 'fatal'; error: DiscordSetupError };

/** How long a destroy may take before we stop waiting for it (see destroyWithin). */
const DESTROY_WAIT_MS = 2_000;

/**
 * Owns the discord.js client. discord.js resumes and re-identifies by itself; every IDENTIFY is
 * paced by IdentifyPacer. This class handles what discord.js gives up on: a login that fails
 * before the gateway (REST errors), and close codes it will not recover from. Those replace the
 * client after a backoff pause. A rejected token or intent set is reported and never retried.
 *
 * A client is destroyed only when its shard is idle (after a failed login or an unrecoverable
 * close) or on stop(): @discordjs/ws 1.2.3 revives a shard destroyed during its handshake.
 */
export class DiscordConnection {
  private current: Client | null = null;
  private status: DiscordState = 'starting';
  private generation = 0;
  private restarts = 0;
  private readyAt: number | null = null;
  private restarting: Promise<void> | null = null;
  private stopping = false;
  private readonly abort = new AbortController();
  private lastCloseCode: number | null = null;
  /** The generation whose login is in flight; its failures are classified where it is awaited. */
  private loggingIn: number | null = null;
  private readonly pacer: IdentifyPacer;

  constructor(private readonly o: ConnectionOptions) {
    this.pacer = new IdentifyPacer(o.clock, (ms) => {
      o.metrics.restartScheduled?.('identify paced', ms);
      o.logger.warn({ delayMs: ms }, 'discord: pacing the next IDENTIFY');
    });
  }

  state(): DiscordState {
    return this.status;
  }

  /**
   * Resolves when connected, when a temporary failure was handed to the restart loop, or when
   * READY is late (the login goes on in the background; state stays `starting`). Rejects with a
   * DiscordSetupError when Discord refuses the token or the intents.
   */
  async start(): Promise<void> {
    const outcome = await this.attemptWithin();
    if (outcome === 'pending') return;
    if (outcome.kind === 'fatal') throw outcome.error;
    if (outcome.kind === 'failed') this.scheduleRestart(outcome.reason);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    this.generation += 1;
    this.status = 'down';
    const client = this.current;
    this.current = null;
    if (client && !(await destroyWithin(client, DESTROY_WAIT_MS))) {
      this.o.logger.warn({}, 'discord: the gateway connection did not close in time; leaving it');
    }
    await this.restarting;
  }

  /** One login, awaited up to the login timeout; later outcomes are handled when they come. */
  private async attemptWithin(): Promise<Outcome | 'pending'> {
    const attempt = this.attemptLogin();
    const timeout = delay(this.o.timing.loginTimeoutMs, 'pending' as const, { signal: this.abort.signal }).catch(() => 'pending' as const);
    const first = await Promise.race([attempt, timeout]);
    if (first === 'pending') {
      if (!this.stopping) this.o.logger.warn({ waitedMs: this.o.timing.loginTimeoutMs }, 'discord: no READY yet; still connecting in the background');
      void attempt.then((late) => {
        if (late.kind === 'failed') this.scheduleRestart(late.reason);
      });
    }
    return first;
  }

  private async attemptLogin(): Promise<Outcome> {
    const generation = ++this.generation;
    const live = () => generation === this.generation && !this.stopping;
    this.lastCloseCode = null;
    this.status = 'starting';
    const client = createDiscordClient(this.o.config, {
      restTimeoutMs: this.o.timing.restTimeoutMs,
      identifyThrottler: this.pacer.throttler(live, this.abort.signal),
    });
    this.current = client;
    this.o.attach(client, live);
    this.watch(client, generation, live);
    this.loggingIn = generation;
    try {
      await loginAndWaitReady(client, this.o.config.DISCORD_TOKEN);
    } catch (error) {
      // discord.js has destroyed the client already; its shard is idle.
      if (this.loggingIn === generation) this.loggingIn = null;
      if (this.current === client) this.current = null;
      if (!live()) return { kind: 'stopped' };
      const setup = this.setupProblem(error);
      if (setup) {
        this.status = 'down';
        this.o.logger.error({ err: loggableError(error), code: setup.code }, setup.message);
        return { kind: 'fatal', error: setup };
      }
      const offline = networkFailure(error);
      const reason = offline ? describeNetworkFailure(offline, hostOf(this.o.config.DISCORD_API_URL, 'discord.com')) : describeError(error);
      return { kind: 'failed', reason: `login failed: ${reason}` };
    }
    if (this.loggingIn === generation) this.loggingIn = null;
    if (!live()) return { kind: 'stopped' };
    this.status = 'up';
    this.readyAt = this.o.clock.now();
    this.o.logger.info({ user: client.user?.tag }, 'discord: connected to the gateway');
    return { kind: 'up' };
  }

  /** Turns an error (or the close code seen just before it) into a setup problem, if it is one. */
  private setupProblem(error: unknown): DiscordSetupError | null {
    const code = this.lastCloseCode;
    if (code === CLOSE_AUTHENTICATION_FAILED) return badTokenError('gateway close 4004', error);
    if (code === CLOSE_INVALID_INTENTS || code === CLOSE_DISALLOWED_INTENTS) return intentsError(code);
    const djsCode = (error as { code?: unknown } | null)?.code;
    if (djsCode === DiscordjsErrorCodes.TokenInvalid || httpStatus(error) === 401) return badTokenError('HTTP 401', error);
    return null;
  }

  private watch(client: Client, generation: number, live: () => boolean): void {
    const log = this.o.logger;
    const up = () => {
      if (!live()) return;
      this.status = 'up';
    };
    client.on(Events.ShardReady, () => {
      if (live()) this.pacer.sessionStarted();
      up();
    });
    client.on(Events.ShardResume, up);
    client.on(Events.ShardReconnecting, () => {
      if (!live()) return;
      this.pacer.sessionLost();
      this.status = 'starting';
    });
    client.on(Events.ShardDisconnect, (event: { code: number }) => {
      // discord.js will not reconnect after these codes.
      this.lastCloseCode = event.code;
      if (!live() || this.loggingIn === generation) return; // a failed login is classified where it is awaited
      this.pacer.sessionLost();
      const setup = this.setupProblem(null);
      if (setup) {
        this.status = 'down';
        log.error({ code: event.code }, setup.message);
        void this.retire(client);
        return;
      }
      this.scheduleRestart(`gateway closed with ${event.code}`);
    });
    client.on(Events.ShardError, (error: Error) => live() && log.warn({ err: loggableError(error) }, 'discord: gateway error'));
    client.on(Events.Error, (error: Error) => log.error({ err: loggableError(error) }, 'discord: client error'));
    client.on(Events.Warn, (message: string) => log.warn({ message }, 'discord: warning'));
    // discord.js prints part of the token in one debug line; no part of it goes to our logs.
    client.on(Events.Debug, (message: string) => !/token/i.test(message) && log.debug({ message }, 'discord: debug'));
  }

  /** Drops a client whose shard is idle; it is never used again. */
  private async retire(client: Client): Promise<void> {
    this.generation += 1;
    if (this.current === client) this.current = null;
    await destroyWithin(client, DESTROY_WAIT_MS);
  }

  /** Starts the restart loop unless one is running. */
  private scheduleRestart(reason: string): void {
    if (this.stopping || this.restarting) return;
    this.status = 'down';
    this.restarting = this.restartLoop(reason).finally(() => {
      this.restarting = null;
    });
  }

  private async restartLoop(firstReason: string): Promise<void> {
    const clock = this.o.clock;
    let reason = firstReason;
    if (this.current) await this.retire(this.current);
    if (this.readyAt !== null && clock.now() - this.readyAt >= STABLE_AFTER_MS) this.restarts = 0;
    while (!this.stopping) {
      const wait = restartDelay(this.restarts);
      this.restarts += 1;
      this.o.metrics.restartScheduled?.(reason, wait);
      this.o.logger.warn({ reason, delayMs: wait, attempt: this.restarts }, 'discord: reconnecting after a pause');
      await clock.sleep(wait, this.abort.signal);
      if (this.stopping) return;
      const outcome = await this.attemptWithin();
      if (outcome === 'pending' || outcome.kind !== 'failed') return;
      reason = outcome.reason;
    }
  }
}
