import { type Logger, type SharedStore, silentLogger } from '../ports';
import { MemoryStore } from './memory-store';
import type { RedisConnection } from './redis-connection';
import { ResilientStore } from './resilient-store';

export { MemoryStore } from './memory-store';
export { redactForStorage } from './redact-stored';
export { ResilientStore } from './resilient-store';
export { TtlMap } from './ttl-map';

export interface StoreSettings {
  /** Unset: every piece of state stays in this process. */
  REDIS_URL?: string;
}

export interface OpenedStore {
  store: SharedStore;
  /** The live Redis connection when REDIS_URL is set (the review queue shares it), else null. */
  redis: RedisConnection | null;
}

/**
 * The shared store the settings ask for: this process's memory without REDIS_URL, else Redis with
 * the process standing in while Redis cannot be reached. Never fails to start because of Redis.
 */
export async function openStore(settings: StoreSettings, logger: Logger = silentLogger): Promise<OpenedStore> {
  if (!settings.REDIS_URL) return { store: new MemoryStore(), redis: null };
  // Loaded only when used: most single-replica setups never need the client.
  const [{ RedisConnection }, { RedisStore }] = await Promise.all([import('./redis-connection'), import('./redis-store')]);
  const redis = new RedisConnection({ url: settings.REDIS_URL, logger });
  const store = new ResilientStore(new RedisStore(redis), redis, { logger });
  const connected = await redis.open();
  if (connected) logger.info({ store: 'redis' }, 'shared state on redis');
  return { store, redis };
}
export { ConversationMemory } from './conversations';
