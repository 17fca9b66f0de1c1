import type { Logger } from '../../src/ports';

/**
 * Work started after Slack was acknowledged. Tracked so `stop()` can let answers in flight finish,
 * for a bounded time, instead of dropping them mid-post.
 */
export class Jobs {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(name: string, work: () => Promise<void>): void {
    const job: Promise<void> = work()
      .catch((error: unknown) => this.logger.error({ err: error, job: name }, 'slack background job failed'))
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when every job is done, or after `timeoutMs`, whichever comes first. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.running]), timeout]);
    clearTimeout(timer);
    if (this.running.size > 0) this.logger.warn({ pending: this.running.size }, 'slack stopped with answers in flight');
  }
}
