import { createClient } from 'redis';
import { type Logger, silentLogger } from '../ports';

export interface RedisConnectionOptions {
  url: string;
  /** Budget for one command; a slower Redis counts as unreachable for that call. */
  commandTimeoutMs?: number;
  logger?: Logger;
}

/** Longest pause between reconnect attempts: Redis is used again within about this long of its return. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * One Redis client for the whole process, kept connected in the background. Commands fail at
 * once while it is offline (no offline queue): the callers stand in for Redis then, and a reply
 * never waits on a dead server. Reconnects forever with a capped backoff.
 */
export class RedisConnection {
  private readonly client;
  private readonly logger: Logger;
  private readonly listeners = new Set<(ready: boolean) => void>();
  private closed = false;

  constructor(private readonly options: RedisConnectionOptions) {
    this.logger = options.logger ?? silentLogger;
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      commandOptions: { timeout: options.commandTimeoutMs ?? 1_000 },
      socket: {
        connectTimeout: 2_000,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
      },
    });
    // Every failed reconnect emits an error; without a listener Node would crash the process.
    this.client.on('error', (error: Error) => this.logger.debug({ err: error.message }, 'redis: connection error'));
    this.client.on('ready', () => this.emit(true));
    this.client.on('end', () => this.emit(false));
    this.client.on('reconnecting', () => this.emit(false));
  }

  get ready(): boolean {
    return this.client.isReady;
  }

  /** Called with true when Redis becomes usable and false when it goes away. */
  onChange(listener: (ready: boolean) => void): void {
    this.listeners.add(listener);
  }

  /**
   * Starts connecting and waits up to `waitMs` for the first connection. Never rejects: an
   * unreachable Redis at start-up leaves the bot running on its own memory until Redis answers.
   */
  async open(waitMs = 2_000): Promise<boolean> {
    const connected = this.client.connect().then(
      () => true,
      (error: unknown) => {
        if (!this.closed) this.logger.debug({ err: (error as Error).message }, 'redis: connect gave up');
        return false;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, waitMs, false)));
    try {
      return await Promise.race([connected, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One command; rejects when Redis is offline, slow or refuses it. */
  command<T>(args: ReadonlyArray<string>): Promise<T> {
    return this.client.sendCommand<T>(args);
  }

  /** A Lua script run atomically (EVAL). */
  script<T>(source: string, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<T> {
    return this.command<T>(['EVAL', source, String(keys.length), ...keys, ...args.map(String)]);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.client.isReady) {
      await this.client.close().catch(() => this.client.destroy());
    } else if (this.client.isOpen) {
      this.client.destroy();
    }
  }

  private emit(ready: boolean): void {
    for (const listener of this.listeners) listener(ready);
  }
}
