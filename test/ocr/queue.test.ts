import { describe, expect, it } from 'vitest';
import { OcrUnavailableError } from '../../src/ocr';
import { createBoundedQueue } from '../../src/ocr/queue';

const deferred = () => {
  let resolve!: (v: string) => void;
  const promise = new Promise<string>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('bounded OCR queue', () => {
  it('runs one task at a time, in order, and refuses work beyond the wait list as busy', async () => {
    const queue = createBoundedQueue(1, 1);
    const first = deferred();
    const order: string[] = [];
    const a = queue.run(async () => {
      order.push('a');
      return first.promise;
    });
    const b = queue.run(async () => {
      order.push('b');
      return 'b';
    });
    const c = queue.run(async () => 'c');
    await expect(c).rejects.toMatchObject({ name: 'OcrUnavailableError', reason: 'busy' });
    expect(order).toEqual(['a']);
    expect([queue.running, queue.waiting]).toEqual([1, 1]);
    first.resolve('a');
    await expect(a).resolves.toBe('a');
    await expect(b).resolves.toBe('b');
    expect(order).toEqual(['a', 'b']);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it('a failing task frees its slot for the next one', async () => {
    const queue = createBoundedQueue(1, 4);
    const failing = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });

  it('close() refuses waiting and new work with a user-facing message', async () => {
    const queue = createBoundedQueue(1, 4);
    const running = deferred();
    const a = queue.run(() => running.promise);
    const waiting = queue.run(async () => 'never');
    queue.close();
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OcrUnavailableError);
    expect((error as OcrUnavailableError).userMessage).toMatch(/paste the error text/i);
    await expect(queue.run(async () => 'late')).rejects.toMatchObject({ reason: 'closed' });
    running.resolve('done');
    await expect(a).resolves.toBe('done');
  });
});
