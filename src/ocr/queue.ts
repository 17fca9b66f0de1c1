import { OcrUnavailableError } from './errors';

export interface BoundedQueue {
  /** Runs `task` when a slot is free; rejects at once with reason `busy` when too many wait. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Rejects every waiting task with reason `closed`; running tasks finish on their own. */
  close(): void;
  readonly running: number;
  readonly waiting: number;
}

interface Waiter {
  start: () => void;
  fail: (error: Error) => void;
}

/**
 * A tiny FIFO limiter. OCR is CPU-bound and the worker reads one image at a time, so more
 * concurrency only adds memory; a bounded wait list turns overload into a fast, polite refusal
 * instead of minutes of latency.
 */
export function createBoundedQueue(concurrency: number, maxWaiting: number): BoundedQueue {
  let running = 0;
  let closed = false;
  const waiting: Waiter[] = [];

  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) next.start();
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      if (closed) return Promise.reject(new OcrUnavailableError('closed', 'reader closed'));
      if (running >= concurrency && waiting.length >= maxWaiting) {
        return Promise.reject(new OcrUnavailableError('busy', `${waiting.length} images already waiting`));
      }
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          running++;
          task().then(resolve, reject).finally(release);
        };
        if (running < concurrency) start();
        else waiting.push({ start, fail: reject });
      });
    },
    close() {
      closed = true;
      for (const waiter of waiting.splice(0)) waiter.fail(new OcrUnavailableError('closed', 'reader closed'));
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
