import { type Logger, type SharedStore, silentLogger, type StoreHealth } from '../ports';
import { MemoryStore } from './memory-store';

/** The part of the Redis connection this wrapper watches. */
export interface ConnectionWatch {
  readonly ready: boolean;
  onChange(listener: (ready: boolean) => void): void;
}

/**
 * Redis first, this process as the stand-in: when Redis cannot be reached the bot keeps answering
 * (dedupe, quotas, caches and counters fall back to memory), logs one warning per outage, reports
 * `degraded`, and uses Redis again as soon as it is back. Nothing here ever throws at a caller.
 *
 * Leases do not fall back: during an outage a holder keeps its lease (it goes on answering) and
 * nobody else gets one, so two replicas never both hold the Discord gateway.
 */
export class ResilientStore implements SharedStore {
  readonly kind = 'redis' as const;
  private readonly local: MemoryStore;
  private readonly logger: Logger;
  private failing = false;
  /** Leases this process holds, by name: what it may keep believing while Redis is away. */
  private readonly held = new Map<string, string>();

  constructor(
    private readonly shared: SharedStore,
    private readonly connection: ConnectionWatch,
    options: { logger?: Logger; now?: () => number } = {},
  ) {
    this.logger = options.logger ?? silentLogger;
    this.local = new MemoryStore({ now: options.now });
    connection.onChange((ready) => {
      if (ready) this.recovered();
      else this.failed('connection lost');
    });
  }

  claim(key: string, ttlMs: number) {
    return this.either((s) => s.claim(key, ttlMs));
  }

  get(key: string) {
    return this.either((s) => s.get(key));
  }

  set(key: string, value: unknown, ttlMs: number) {
    return this.either((s) => s.set(key, value, ttlMs));
  }

  take(key: string, limit: number, windowMs: number) {
    return this.either((s) => s.take(key, limit, windowMs));
  }

  increment(key: string, by: number, ttlMs: number) {
    return this.either((s) => s.increment(key, by, ttlMs));
  }

  distinctRecent(key: string, member: string, windowMs: number) {
    return this.either((s) => s.distinctRecent(key, member, windowMs));
  }

  async lease(name: string, owner: string, ttlMs: number): Promise<boolean> {
    try {
      if (!this.connection.ready) throw new Error('redis is offline');
      const mine = await this.shared.lease(name, owner, ttlMs);
      if (mine) this.held.set(name, owner);
      else this.held.delete(name);
      return mine;
    } catch (error) {
      this.failed((error as Error).message);
      return this.held.get(name) === owner;
    }
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    if (this.held.get(name) === owner) this.held.delete(name);
    await this.shared.releaseLease(name, owner).catch((error: unknown) => this.failed((error as Error).message));
  }

  health(): StoreHealth {
    return this.failing || !this.connection.ready ? 'degraded' : 'ok';
  }

  close(): Promise<void> {
    return this.shared.close();
  }

  private async either<T>(operation: (store: SharedStore) => Promise<T>): Promise<T> {
    if (this.connection.ready) {
      try {
        const result = await operation(this.shared);
        if (this.failing) this.recovered();
        return result;
      } catch (error) {
        this.failed((error as Error).message);
      }
    } else {
      this.failed('redis is offline');
    }
    return operation(this.local);
  }

  private failed(reason: string): void {
    if (this.failing) return;
    this.failing = true;
    this.logger.warn({ store: 'redis', reason }, 'redis unreachable: dedupe, quotas and thread memory fall back to this process until it is back');
  }

  private recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.logger.info({ store: 'redis' }, 'redis reachable again: shared state is used again');
  }
}
