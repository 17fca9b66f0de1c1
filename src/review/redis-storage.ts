import type { RedisConnection } from '../store/redis-connection';
import { KEY_PREFIX } from '../store/redis-store';
import { redactForStorage } from '../store/redact-stored';
import { countKey, type ReviewGroup, ReviewGroupSchema, type ReviewItem, type ReviewLimits, type ReviewStorage } from './schema';

const INDEX = `${KEY_PREFIX}review:index`;
const GROUP = `${KEY_PREFIX}review:group:`;

/**
 * Add one paste to its group and keep the queue bounded, atomically: a group is a hash (counts by
 * field), the index a sorted set by last-seen time; groups past the age limit, then the least
 * recently seen past the count limit, are dropped.
 */
const ADD = `
local g = ARGV[1] .. ARGV[2]
redis.call('HSETNX', g, 'signature', ARGV[3])
redis.call('HSETNX', g, 'example', ARGV[4])
redis.call('HSETNX', g, 'firstSeen', ARGV[8])
redis.call('HSET', g, 'lastSeen', ARGV[8])
redis.call('HINCRBY', g, 'count', 1)
redis.call('HINCRBY', g, 'reason:' .. ARGV[5], 1)
redis.call('HINCRBY', g, 'entry:' .. ARGV[6], 1)
redis.call('HINCRBY', g, 'client:' .. ARGV[7], 1)
redis.call('ZADD', KEYS[1], ARGV[9], ARGV[2])
local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[10])
for _, id in ipairs(old) do
  redis.call('DEL', ARGV[1] .. id)
  redis.call('ZREM', KEYS[1], id)
end
local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[11])
if extra > 0 then
  for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, extra - 1)) do
    redis.call('DEL', ARGV[1] .. id)
    redis.call('ZREM', KEYS[1], id)
  end
end
return 1`;

/** A group hash as Redis returns it (flat field/value list or object) → a validated group. */
function toGroup(id: string, hash: Record<string, string>): ReviewGroup | null {
  const counts = (prefix: string) =>
    Object.fromEntries(Object.entries(hash).flatMap(([k, v]) => (k.startsWith(prefix) ? [[k.slice(prefix.length), Number(v)]] : [])));
  const parsed = ReviewGroupSchema.safeParse({
    id,
    signature: hash.signature,
    example: hash.example,
    count: Number(hash.count),
    firstSeen: hash.firstSeen,
    lastSeen: hash.lastSeen,
    reasons: counts('reason:'),
    entries: counts('entry:'),
    clients: counts('client:'),
  });
  return parsed.success ? parsed.data : null;
}

/** The review queue in Redis, shared by every replica on REDIS_URL. */
export class RedisReviewStorage implements ReviewStorage {
  readonly where = 'redis';

  constructor(private readonly redis: RedisConnection) {}

  async add(item: ReviewItem, limits: ReviewLimits, now: number): Promise<void> {
    const safe = redactForStorage(item);
    await this.redis.script(
      ADD,
      [INDEX],
      [GROUP, safe.id, safe.signature, safe.example, safe.reason, countKey(safe.entry), countKey(safe.client), new Date(now).toISOString(), now, now - limits.maxAgeMs, limits.maxGroups],
    );
  }

  async groups(limits: ReviewLimits, now: number): Promise<ReviewGroup[]> {
    const ids = await this.redis.command<string[]>(['ZRANGEBYSCORE', INDEX, String(now - limits.maxAgeMs), '+inf']);
    const hashes = await Promise.all(ids.map((id) => this.redis.command<Record<string, string> | string[]>(['HGETALL', GROUP + id])));
    return ids.flatMap((id, i) => {
      const group = toGroup(id, asObject(hashes[i]!));
      return group ? [group] : [];
    });
  }
}

/** HGETALL answers a map under RESP3 and a flat list under RESP2. */
function asObject(reply: Record<string, string> | string[]): Record<string, string> {
  if (!Array.isArray(reply)) return reply;
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < reply.length; i += 2) out[reply[i]!] = reply[i + 1]!;
  return out;
}
