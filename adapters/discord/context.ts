import type { Doctor, Logger, SharedStore } from '../../src/ports';
import type { ConversationMemory } from '../../src/store';
import type { DiscordMetrics, DiscordTiming } from './types';

/** Everything an event handler needs; built once per adapter, shared by every client it creates. */
export interface HandlerContext {
  doctor: Doctor;
  logger: Logger;
  metrics: DiscordMetrics;
  timing: DiscordTiming;
  /** Origins attachment downloads may use (Discord's CDN, plus a DISCORD_API_URL override). */
  origins: readonly string[];
  /** Claims (one answer per interaction or DM, one vote per user and answer), on every replica. */
  store: SharedStore;
  /** The last diagnosis per DM channel, so "I'm on Node" after an answer re-renders it for Node. */
  conversations: ConversationMemory;
}

/** Claims outlive any redelivery or double session during a handover. */
export const CLAIM_TTL_MS = 15 * 60_000;
/** A vote counts once per user and answer; after a week a click counts again. */
export const VOTE_TTL_MS = 7 * 24 * 3_600_000;
/** DM follow-ups refer to the answer of the last half hour. */
export const CONVERSATION_TTL_MS = 30 * 60_000;
