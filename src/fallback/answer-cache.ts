import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CategorySchema } from '../contracts';
import type { FallbackOutcome, SharedStore } from '../ports';

export type AnswerOutcome = Extract<FallbackOutcome, { kind: 'answer' }>;

/** What a cached answer must look like when read back: another replica, or an older version, wrote it. */
const CachedAnswerSchema = z.object({
  kind: z.literal('answer'),
  model: z.string(),
  entry: z.string().nullable(),
  status: z.number().nullable(),
  type: z.string().nullable(),
  category: CategorySchema.nullable(),
  explanation: z.string(),
  fix: z.array(z.string()),
  confidence: z.number(),
});

/**
 * Model answers by normalized paste, for `ttlMs`, in the shared store (so every replica reuses
 * them). Keys are SHA-256 digests, so the cache holds no pasted text.
 */
export class AnswerCache {
  constructor(
    private readonly store: SharedStore,
    private readonly ttlMs: number,
  ) {}

  async get(key: string): Promise<AnswerOutcome | undefined> {
    const parsed = CachedAnswerSchema.safeParse(await this.store.get(this.key(key)));
    return parsed.success ? parsed.data : undefined;
  }

  set(key: string, value: AnswerOutcome): Promise<void> {
    const { cached: _cached, ...answer } = value;
    return this.store.set(this.key(key), answer, this.ttlMs);
  }

  private key(key: string): string {
    return `fallback:answer:${createHash('sha256').update(key).digest('hex')}`;
  }
}
