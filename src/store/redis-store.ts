import { randomUUID } from 'node:crypto';
import type { SharedStore, StoreHealth } from '../ports';
import type { RedisConnection } from './redis-connection';
import { redactForStorage } from './redact-stored';

/** Every key the bot writes starts with this, so it can share a Redis with other applications. */
export const KEY_PREFIX = 'ced:';

/** Sliding window on a sorted set of use times: drop old uses, refuse at the limit, else add one. */
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(first[2]) + ARGV[2] - ARGV[1]}
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {1, 0}`;

/** Distinct members seen in a window: a sorted set of member -> last time seen. */
const DISTINCT_RECENT = `
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {redis.call('ZCARD', KEYS[1]), tonumber(first[2])}`;

/** Take the lease when it is free or already ours; either way it runs for another TTL. */
const LEASE = `
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * The shared store on Redis. Every operation is one atomic command or script, so any number of
 * replicas can use it at once. Failures reject: `ResilientStore` decides what happens then.
 */
export class RedisStore implements SharedStore {
  readonly kind = 'redis' as const;

  constructor(
    private readonly redis: RedisConnection,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.command<string | null>(['SET', KEY_PREFIX + key, '1', 'NX', 'PX', ms(ttlMs)])) === 'OK';
  }

  async get(key: string): Promise<unknown> {
    const raw = await this.redis.command<string | null>(['GET', KEY_PREFIX + key]);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.redis.command(['SET', KEY_PREFIX + key, JSON.stringify(redactForStorage(value)), 'PX', ms(ttlMs)]);
  }

  async take(key: string, limit: number, windowMs: number): Promise<{ ok: true } | { ok: false; retryInMs: number }> {
    const [ok, retryInMs] = await this.redis.script<[number, number]>(TAKE, [KEY_PREFIX + key], [this.now(), windowMs, limit, `${this.now()}:${randomUUID()}`]);
    return ok === 1 ? { ok: true } : { ok: false, retryInMs: Number(retryInMs) };
  }

  async increment(key: string, by: number, ttlMs: number): Promise<number> {
    const [count] = await Promise.all([
      this.redis.command<number>(['INCRBY', KEY_PREFIX + key, String(by)]),
      this.redis.command(['PEXPIRE', KEY_PREFIX + key, ms(ttlMs)]),
    ]);
    return Number(count);
  }

  async distinctRecent(key: string, member: string, windowMs: number): Promise<{ count: number; since: number }> {
    const [count, since] = await this.redis.script<[number, number]>(DISTINCT_RECENT, [KEY_PREFIX + key], [this.now(), windowMs, member]);
    return { count: Number(count), since: Number(since) };
  }

  async lease(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.script<number>(LEASE, [`${KEY_PREFIX}lease:${name}`], [owner, ms(ttlMs)])) === 1;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    await this.redis.script(RELEASE, [`${KEY_PREFIX}lease:${name}`], [owner]);
  }

  health(): StoreHealth {
    return this.redis.ready ? 'ok' : 'degraded';
  }

  close(): Promise<void> {
    return this.redis.close();
  }
}

/** Redis wants whole, positive milliseconds. */
const ms = (value: number) => String(Math.max(1, Math.round(value)));
