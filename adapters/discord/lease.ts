import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger, SharedStore } from '../../src/ports';
import { loggableError } from './errors';
import type { Clock, DiscordState } from './types';

/** The lease every replica of one bot competes for: exactly one holds the gateway. */
const LEASE_NAME = 'discord:gateway';

/** What LeasedConnection drives: DiscordConnection's lifecycle. */
export interface GatewayConnection {
  start(): Promise<void>;
  stop(): Promise<void>;
  state(): DiscordState;
}

export interface LeaseOptions {
  store: SharedStore;
  /** The lease lasts this long without renewal; it is renewed (and a standby asks) every third of it. */
  ttlMs: number;
  clock: Clock;
  logger: Logger;
  /** A fresh gateway connection each time this replica takes the lease. */
  connect(): GatewayConnection;
}

/**
 * Several replicas, one gateway session: the replica holding a lease in the shared store connects
 * to Discord, the others stand by and ask again every third of the lease. When the holder dies its
 * lease runs out and a standby connects, within about 1⅓ leases (20 s by default); a clean stop
 * gives the lease up at once. A holder that finds the lease taken by another replica disconnects.
 */
export class LeasedConnection implements GatewayConnection {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private current: GatewayConnection | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private readonly abort = new AbortController();

  constructor(private readonly o: LeaseOptions) {}

  state(): DiscordState {
    if (this.current) return this.current.state();
    return this.stopped ? 'down' : 'standby';
  }

  /** Takes the lease if it is free and connects (setup errors reject, as without a lease); else stands by. */
  async start(): Promise<void> {
    this.stopped = false;
    const { connecting } = await this.tick();
    this.loop = this.keepAsking();
    if (connecting) await connecting;
    else this.o.logger.info({ owner: this.owner }, 'discord: another replica holds the gateway; standing by');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.loop;
    const current = this.current;
    this.current = null;
    if (current) {
      await current.stop();
      // Given up at once, so a standby takes over on its next ask instead of after the TTL.
      await this.o.store.releaseLease(LEASE_NAME, this.owner);
    }
  }

  /**
   * One ask: connects when the lease became ours (`connecting` is that login, not awaited here),
   * disconnects when it went to another replica.
   */
  private async tick(): Promise<{ connecting: Promise<void> | null }> {
    const mine = await this.o.store.lease(LEASE_NAME, this.owner, this.o.ttlMs);
    if (this.stopped) return { connecting: null };
    if (mine && !this.current) {
      this.o.logger.info({ owner: this.owner }, 'discord: holding the gateway lease; connecting');
      const connection = this.o.connect();
      this.current = connection;
      return { connecting: connection.start() };
    }
    if (!mine && this.current) {
      this.o.logger.warn({ owner: this.owner }, 'discord: another replica took the gateway lease; disconnecting');
      const connection = this.current;
      this.current = null;
      await connection.stop();
    }
    return { connecting: null };
  }

  private async keepAsking(): Promise<void> {
    while (!this.stopped) {
      await this.o.clock.sleep(Math.max(100, Math.floor(this.o.ttlMs / 3)), this.abort.signal);
      if (this.stopped) return;
      try {
        // A login runs on while the lease is renewed: it must not wait for READY.
        const { connecting } = await this.tick();
        connecting?.catch((error: unknown) => this.o.logger.error({ err: loggableError(error) }, 'discord: could not connect after taking the gateway lease'));
      } catch (error) {
        this.o.logger.warn({ err: loggableError(error) }, 'discord: gateway lease check failed');
      }
    }
  }
}
