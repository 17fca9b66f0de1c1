import type { IIdentifyThrottler } from 'discord.js';
import { restartDelay, STABLE_AFTER_MS } from './backoff';
import type { Clock } from './types';

/**
 * Paces every IDENTIFY the bot sends, whoever asks for it: our own restarts and the re-identifies
 * discord.js performs by itself after a dropped session. Discord allows 1,000 IDENTIFYs a day and
 * resets the token past that, so consecutive IDENTIFYs wait 5 s, 10 s, 20 s … up to 5 min, and the
 * schedule starts over only after a session that stayed up for 5 minutes.
 *
 * It is installed through discord.js' `ws.buildIdentifyThrottler` option, one throttler per client,
 * while the pacing state lives here, shared by every client the adapter creates.
 */
export class IdentifyPacer {
  private consecutive = 0;
  private sessionSince: number | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly onWait: (delayMs: number) => void,
  ) {}

  /** A READY arrived: a session has started. */
  sessionStarted(): void {
    this.sessionSince = this.clock.now();
  }

  /** The session dropped; if it had lasted, the next IDENTIFY goes without waiting. */
  sessionLost(): void {
    if (this.sessionSince !== null && this.clock.now() - this.sessionSince >= STABLE_AFTER_MS) this.consecutive = 0;
    this.sessionSince = null;
  }

  /**
   * The throttler for one client. Once `live()` turns false (the client was replaced or the
   * adapter stopped), that client never identifies again: discord.js can revive a destroyed shard
   * (see connection.ts), and such a shard must not spend the budget or receive events.
   */
  throttler(live: () => boolean, stop: AbortSignal): IIdentifyThrottler {
    return {
      waitForIdentify: async (_shardId, signal) => {
        if (!live()) return waitForAbort(signal);
        const delay = this.consecutive === 0 ? 0 : restartDelay(this.consecutive - 1);
        this.consecutive += 1;
        if (delay > 0) {
          this.onWait(delay);
          await this.clock.sleep(delay, AbortSignal.any([signal, stop]));
        }
        if (signal.aborted || !live()) return waitForAbort(signal);
      },
    };
  }
}

/**
 * Rejects when the shard gives up waiting (its connection closed), never resolves before: the
 * shard treats that rejection as "closed meanwhile" and stays quiet, whereas any other error
 * would make it reconnect at once.
 */
function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const abort = () => reject(signal.reason ?? new Error('aborted'));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}
