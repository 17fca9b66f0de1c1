import { z } from 'zod';

/** Why a paste is in the review queue. */
export const ReviewReasonSchema = z.enum(['unrecognised', 'hedged', 'thumbs-down']);
export type ReviewReason = z.infer<typeof ReviewReasonSchema>;

/** One paste to add: already redacted; the storage redacts again before writing. */
export const ReviewItemSchema = z.object({
  id: z.string(),
  signature: z.string(),
  example: z.string(),
  reason: ReviewReasonSchema,
  entry: z.string().nullable(),
  client: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

const Counts = z.record(z.string(), z.number().int().nonnegative());

/** Pastes with one signature: how often, why, which entry answered, from which client, when. */
export const ReviewGroupSchema = z.object({
  id: z.string(),
  signature: z.string(),
  /** The first paste of the group, redacted. */
  example: z.string(),
  count: z.number().int().positive(),
  /** ISO times. */
  firstSeen: z.string(),
  lastSeen: z.string(),
  reasons: Counts,
  /** Catalogue entry that answered ("none" when none did), with counts. */
  entries: Counts,
  clients: Counts,
});
export type ReviewGroup = z.infer<typeof ReviewGroupSchema>;

export interface ReviewLimits {
  maxGroups: number;
  maxAgeMs: number;
}

/** Where groups are kept: a file under DATA_DIR, or Redis. Both redact what they write. */
export interface ReviewStorage {
  readonly where: string;
  add(item: ReviewItem, limits: ReviewLimits, now: number): Promise<void>;
  /** Every group still within the limits, in no particular order. */
  groups(limits: ReviewLimits, now: number): Promise<ReviewGroup[]>;
}

/** Key for a count map: entry ids and client names as given, "none" for null. */
export const countKey = (value: string | null) => value ?? 'none';

/** Groups still inside the age limit, and at most `maxGroups` of them (the most recently seen). */
export function withinLimits(groups: ReviewGroup[], limits: ReviewLimits, now: number): ReviewGroup[] {
  const cutoff = new Date(now - limits.maxAgeMs).toISOString();
  return groups
    .filter((g) => g.lastSeen > cutoff)
    .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))
    .slice(0, limits.maxGroups);
}
