import type { SharedStore } from '../../src/ports';

/** A message's public answer is pointed to for half a day, as long as the thread memory lasts. */
const DONE_TTL_MS = 12 * 3_600_000;
/**
 * An answer in progress holds its message at most this long: far beyond the slowest answer (the
 * model fallback's deadline), so the hold never lapses while the answer is still being written, and
 * a replica that died mid-answer frees the message again.
 */
const BUSY_TTL_MS = 15 * 60_000;

/**
 * Messages that already have a public answer from the shortcut (or are getting one), so a second
 * person using it is pointed to that answer, on whichever replica their request lands. Marked done
 * only once the answer is posted: a refusal ("invite me") must not block the same request after
 * the bot was invited. The hold in progress is a counter rather than a claim because it must be
 * given back, and the store's counters are atomic on every replica.
 */
export class AnsweredMessages {
  constructor(private readonly store: SharedStore) {}

  /** False when `message` is answered or being answered; otherwise holds it until `end`. */
  async begin(message: string): Promise<boolean> {
    if ((await this.store.get(this.doneKey(message))) !== null) return false;
    if ((await this.store.increment(this.busyKey(message), 1, BUSY_TTL_MS)) === 1) return true;
    await this.store.increment(this.busyKey(message), -1, BUSY_TTL_MS);
    return false;
  }

  /** Gives the hold back; marks the message done first when its answer was posted. */
  async end(message: string, answered: boolean): Promise<void> {
    if (answered) await this.store.set(this.doneKey(message), true, DONE_TTL_MS);
    await this.store.increment(this.busyKey(message), -1, BUSY_TTL_MS);
  }

  private doneKey(message: string): string {
    return `slack:shortcut-answered:${message}`;
  }

  private busyKey(message: string): string {
    return `slack:shortcut-answering:${message}`;
  }
}
