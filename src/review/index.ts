import type { StateEnv } from '../config';
import type { Logger, SharedStore } from '../ports';
import type { RedisConnection } from '../store/redis-connection';
import { FileReviewStorage } from './file-storage';
import { ReviewQueue } from './queue';
import { RedisReviewStorage } from './redis-storage';

export { ReviewQueue, VOTE_WINDOW_MS } from './queue';
export type { ReviewGroup, ReviewLimits, ReviewReason } from './schema';
export { reviewSignature } from './signature';

export const reviewLimits = (state: StateEnv) => ({ maxGroups: state.REVIEW_MAX_GROUPS, maxAgeMs: state.REVIEW_MAX_AGE_DAYS * 24 * 3_600_000 });

/** The review queue the settings ask for: null with REVIEW_QUEUE=off, in Redis with REDIS_URL, else a file under DATA_DIR. */
export function createReviewQueue(state: StateEnv, parts: { store: SharedStore; redis: RedisConnection | null; logger?: Logger }): ReviewQueue | null {
  if (!state.REVIEW_QUEUE) return null;
  const storage = parts.redis ? new RedisReviewStorage(parts.redis) : new FileReviewStorage(state.DATA_DIR);
  return new ReviewQueue({ storage, store: parts.store, limits: reviewLimits(state), logger: parts.logger });
}
