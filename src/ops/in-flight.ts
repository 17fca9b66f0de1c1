/**
 * Replies being worked on. Adapters wrap each reply in `track()` and check `accepting` before
 * starting one; the shutdown sequence closes the gate and waits for `idle()`.
 */
export class InFlight {
  private running = 0;
  private open = true;
  private waiters: Array<() => void> = [];

  /** False once shutdown began: take no new events. */
  get accepting(): boolean {
    return this.open;
  }

  get size(): number {
    return this.running;
  }

  /** Counts `work` while it runs; its result or rejection passes through unchanged. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  close(): void {
    this.open = false;
  }

  /** Resolves true once nothing is running, or false when `timeoutMs` passes first. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve(false);
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(wake);
    });
  }
}
