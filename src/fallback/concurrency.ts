/**
 * At most `max` model calls at once. Later callers wait in a short queue until a slot frees up or
 * their deadline fires; past `maxQueue` waiting callers, a new one is turned away at once rather
 * than piling up behind calls it would never outlast.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    private readonly max: number,
    private readonly maxQueue = max * 8,
  ) {}

  get active(): number {
    return this.running;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves to a release function, or to why no slot was given. */
  async acquire(signal: AbortSignal): Promise<{ ok: true; release: () => void } | { ok: false; why: 'full' | 'aborted' }> {
    if (signal.aborted) return { ok: false, why: 'aborted' };
    if (this.running < this.max) return { ok: true, release: this.slot() };
    if (this.queue.length >= this.maxQueue) return { ok: false, why: 'full' };
    return new Promise((resolve) => {
      const grant = () => {
        signal.removeEventListener('abort', cancel);
        resolve({ ok: true, release: this.slot() });
      };
      const cancel = () => {
        const at = this.queue.indexOf(grant);
        if (at >= 0) this.queue.splice(at, 1);
        resolve({ ok: false, why: 'aborted' });
      };
      this.queue.push(grant);
      signal.addEventListener('abort', cancel, { once: true });
    });
  }

  private slot(): () => void {
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.queue.shift()?.();
    };
  }
}
