import { type Client, DiscordjsErrorCodes, Events } from 'discord.js';
import type { DiscordEnv } from '../../src/config';
import type { Logger } from '../../src/ports';
import { FlapDetector, restartDelay, STABLE_AFTER_MS } from './backoff';
import { createDiscordClient } from './client';
import {
  badTokenError,
  CLOSE_AUTHENTICATION_FAILED,
  CLOSE_DISALLOWED_INTENTS,
  CLOSE_INVALID_INTENTS,
  DiscordSetupError,
  httpStatus,
  intentsError,
  loggableError,
} from './errors';
import type { Clock, DiscordMetrics, DiscordState, DiscordTiming } from './types';

export interface ConnectionOptions {
  config: DiscordEnv;
  logger: Logger;
  metrics: DiscordMetrics;
  clock: Clock;
  timing: DiscordTiming;
  /** Registers the adapter's event handlers on each new client. */
  attach(client: Client): void;
}

/**
 * Owns the discord.js client: logs in, watches the gateway, and replaces the client with backoff
 * when a login fails or the gateway keeps dropping. A rejected token is never retried.
 */
export class DiscordConnection {
  private current: Client | null = null;
  private status: DiscordState = 'starting';
  private generation = 0;
  private attempt = 0;
  private readyAt: number | null = null;
  private restarting: Promise<void> | null = null;
  private stopping = false;
  private readonly abort = new AbortController();
  private lastCloseCode: number | null = null;
  /** The generation whose login connect() is awaiting; connect() classifies its failures itself. */
  private loggingIn: number | null = null;

  constructor(private readonly o: ConnectionOptions) {}

  state(): DiscordState {
    return this.status;
  }

  get client(): Client | null {
    return this.current;
  }

  /**
   * Resolves once connected, or once a temporary failure has been handed to the restart loop
   * (the bot keeps trying in the background and reports `down` meanwhile). Rejects with a
   * DiscordSetupError when Discord refuses the token or the intents.
   */
  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (error) {
      if (error instanceof DiscordSetupError) throw error;
      this.scheduleRestart(`login failed: ${describe(error)}`);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    this.generation += 1;
    const client = this.current;
    this.current = null;
    this.status = 'down';
    await client?.destroy();
    await this.restarting;
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.lastCloseCode = null;
    this.status = 'starting';
    const client = createDiscordClient(this.o.config, { restTimeoutMs: this.o.timing.restTimeoutMs });
    this.current = client;
    this.o.attach(client);
    this.watch(client, generation);
    this.loggingIn = generation;
    try {
      await withTimeout(loginAndWaitReady(client, this.o.config.DISCORD_TOKEN), this.o.timing.loginTimeoutMs, 'no READY from the gateway');
    } catch (error) {
      if (this.loggingIn === generation) this.loggingIn = null;
      if (this.current === client) this.current = null;
      await client.destroy().catch((e: unknown) => this.o.logger.warn({ err: loggableError(e) }, 'discord: destroying a failed client threw'));
      const setup = this.setupProblem(error);
      if (setup) {
        this.status = 'down';
        this.o.logger.error({ err: loggableError(error), code: setup.code }, setup.message);
        throw setup;
      }
      throw error;
    }
    if (this.loggingIn === generation) this.loggingIn = null;
    if (generation !== this.generation || this.stopping) return;
    this.status = 'up';
    this.readyAt = this.o.clock.now();
    this.o.logger.info({ user: client.user?.tag, attempt: this.attempt }, 'discord: connected to the gateway');
  }

  /** Turns an error (or the close code seen just before it) into a setup problem, if it is one. */
  private setupProblem(error: unknown): DiscordSetupError | null {
    if (error instanceof DiscordSetupError) return error;
    const code = this.lastCloseCode;
    if (code === CLOSE_AUTHENTICATION_FAILED) return badTokenError('gateway close 4004', error);
    if (code === CLOSE_INVALID_INTENTS || code === CLOSE_DISALLOWED_INTENTS) return intentsError(code);
    const djsCode = (error as { code?: unknown } | null)?.code;
    if (djsCode === DiscordjsErrorCodes.TokenInvalid || httpStatus(error) === 401) return badTokenError('HTTP 401', error);
    return null;
  }

  private watch(client: Client, generation: number): void {
    const log = this.o.logger;
    const live = () => generation === this.generation && !this.stopping;
    const flap = new FlapDetector(this.o.timing.flapLimit, this.o.timing.flapWindowMs);

    client.on(Events.ShardReady, () => live() && (this.status = 'up'));
    client.on(Events.ShardResume, () => live() && (this.status = 'up'));
    client.on(Events.ShardReconnecting, () => {
      if (!live()) return;
      this.status = 'starting';
      if (flap.record(this.o.clock.now())) this.scheduleRestart('the gateway keeps disconnecting');
    });
    client.on(Events.ShardDisconnect, (event: { code: number }) => {
      this.lastCloseCode = event.code;
      if (!live() || this.loggingIn === generation) return; // connect() classifies login failures
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
  }

  private async retire(client: Client): Promise<void> {
    this.generation += 1;
    if (this.current === client) this.current = null;
    await client.destroy().catch((e: unknown) => this.o.logger.warn({ err: loggableError(e) }, 'discord: destroy failed'));
  }

  /** Starts the restart loop unless one is running; the current client is torn down first. */
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
    if (this.readyAt !== null && clock.now() - this.readyAt >= STABLE_AFTER_MS) this.attempt = 0;
    while (!this.stopping) {
      const delay = restartDelay(this.attempt);
      this.attempt += 1;
      this.o.metrics.restartScheduled?.(reason, delay);
      this.o.logger.warn({ reason, delayMs: delay, attempt: this.attempt }, 'discord: reconnecting after a pause');
      await clock.sleep(delay, this.abort.signal);
      if (this.stopping) return;
      try {
        await this.connect();
        return;
      } catch (error) {
        if (error instanceof DiscordSetupError) return;
        reason = `login failed: ${describe(error)}`;
      }
    }
  }
}

async function loginAndWaitReady(client: Client, token: string): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  if (!client.isReady()) await ready;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  const e = loggableError(error);
  return [e.name, e.status, e.code, e.message].filter((x) => x !== undefined).join(' ');
}
