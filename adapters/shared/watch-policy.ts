import type { Diagnosis } from '../../src/contracts';
import { CONFIDENT } from '../../src/match';

/**
 * What both chat adapters do in a watched help channel, where nobody asked the bot anything: speak
 * only when the answer is certainly useful, and never flood a channel.
 */

/**
 * True for a diagnosis worth posting unasked: a catalogue entry the rules matched with confidence.
 * Never "I don't recognise this", never a "Possibly: …" guess, never a model answer, and never
 * "this is another provider's error" (true, but noise in a channel that did not ask).
 */
export function worthAnsweringUnasked(d: Diagnosis): boolean {
  return d.source === 'rules' && d.entry !== null && d.confidence >= CONFIDENT && d.category !== 'out_of_scope' && d.category !== 'unknown';
}

const HOUR_MS = 3_600_000;

/**
 * At most `perHour` answers per channel in any sliding hour. Only watched channels are ever keys,
 * and each keeps at most `perHour` timestamps, so memory is bounded by the configuration.
 */
export class ChannelRateLimit {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly perHour: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one answer from the channel's budget; false (and nothing taken) when it is used up. */
  take(channel: string): boolean {
    const now = this.now();
    const recent = (this.sent.get(channel) ?? []).filter((at) => now - at < HOUR_MS);
    if (recent.length >= this.perHour) {
      this.sent.set(channel, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(channel, recent);
    return true;
  }
}
