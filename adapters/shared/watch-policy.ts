import type { Diagnosis } from '../../src/contracts';
import { CONFIDENT } from '../../src/match';
import type { SharedStore } from '../../src/ports';

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
 * Takes one answer from a watched channel's budget of `perHour` in any sliding hour; false (and
 * nothing taken) when it is used up. The window lives in the shared store, so the budget holds for
 * the channel however many replicas answer in it.
 */
export async function takeWatchAnswer(store: SharedStore, channelKey: string, perHour: number): Promise<boolean> {
  return (await store.take(`watch:answers:${channelKey}`, perHour, HOUR_MS)).ok;
}
