/**
 * The model ids the bot's own API key can use right now (`GET /v1/models`). Implementations cache
 * and time out on their own, and never throw: `null` means unknown (no key, unreachable, too slow),
 * and the reply then rests on the models data alone.
 */
export interface LiveModelList {
  ids(): Promise<ReadonlySet<string> | null>;
}
