import type { Diagnosis } from '../../src/contracts';
import type { Doctor, Logger } from '../../src/ports';
import type { DiscordMetrics, DiscordTiming } from './types';

/** Everything an event handler needs; built once per adapter, shared by every client it creates. */
export interface HandlerContext {
  doctor: Doctor;
  logger: Logger;
  metrics: DiscordMetrics;
  timing: DiscordTiming;
  /** Origins attachment downloads may use (Discord's CDN, plus a DISCORD_API_URL override). */
  origins: readonly string[];
  votes: BoundedSet;
  conversations: Conversations;
}

/** A set that forgets its oldest members past `max`, so memory stays bounded however long the bot runs. */
export class BoundedSet {
  private readonly items = new Set<string>();
  constructor(private readonly max = 10_000) {}

  /** Adds `key`; false when it was already there. */
  add(key: string): boolean {
    if (this.items.has(key)) return false;
    this.items.add(key);
    if (this.items.size > this.max) this.items.delete(this.items.values().next().value!);
    return true;
  }
}

/**
 * The last diagnosis per DM channel, so "I'm on Node" after an answer re-renders it for Node.
 * Entries expire after `ttlMs` and the oldest go first past `max`.
 */
export class Conversations {
  private readonly byChannel = new Map<string, { diagnosis: Diagnosis; at: number }>();
  constructor(
    private readonly ttlMs = 30 * 60_000,
    private readonly max = 1_000,
  ) {}

  get(channel: string, now = Date.now()): Diagnosis | null {
    const hit = this.byChannel.get(channel);
    if (!hit || now - hit.at > this.ttlMs) {
      this.byChannel.delete(channel);
      return null;
    }
    return hit.diagnosis;
  }

  set(channel: string, diagnosis: Diagnosis, now = Date.now()): void {
    this.byChannel.delete(channel);
    this.byChannel.set(channel, { diagnosis, at: now });
    if (this.byChannel.size > this.max) this.byChannel.delete(this.byChannel.keys().next().value!);
  }
}
