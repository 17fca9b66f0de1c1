import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/fallback/answer-cache';
import { ConcurrencyLimit } from '../../src/fallback/concurrency';
import { UserQuota } from '../../src/fallback/user-quota';

const clock = (start = 1_000_000) => {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
};

describe('UserQuota (sliding window)', () => {
  it('allows 5 calls per user per minute, then says when the next is allowed', () => {
    const c = clock();
    const quota = new UserQuota({ limit: 5, now: c.now });
    for (let i = 0; i < 5; i += 1) {
      expect(quota.take('alice').ok).toBe(true);
      c.advance(1000);
    }
    expect(quota.take('alice')).toEqual({ ok: false, retryInMs: 55_000 });
    expect(quota.take('bob').ok).toBe(true); // per user
    c.advance(55_000);
    expect(quota.take('alice').ok).toBe(true); // the first call left the window
    expect(quota.take('alice').ok).toBe(false);
  });

  it('keeps memory bounded when many users pass through', () => {
    const c = clock();
    const quota = new UserQuota({ limit: 1, now: c.now, maxUsers: 100 });
    for (let i = 0; i < 1000; i += 1) quota.take(`u${i}`);
    expect((quota as unknown as { calls: Map<string, number[]> }).calls.size).toBeLessThanOrEqual(100);
  });
});

describe('AnswerCache', () => {
  it('returns an answer until its TTL runs out', () => {
    const c = clock();
    const cache = new AnswerCache<string>({ ttlMs: 3_600_000, now: c.now });
    cache.set('paste', 'answer');
    c.advance(3_599_999);
    expect(cache.get('paste')).toBe('answer');
    c.advance(1);
    expect(cache.get('paste')).toBeUndefined();
  });

  it('drops the least recently used entry past its size bound', () => {
    const c = clock();
    const cache = new AnswerCache<number>({ ttlMs: 60_000, maxEntries: 2, now: c.now });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.size).toBe(2);
  });

  it('stores no pasted text', () => {
    const cache = new AnswerCache<number>({ ttlMs: 60_000, now: () => 0 });
    cache.set('sk-ant-api03-this-should-not-be-kept', 1);
    const keys = [...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()];
    expect(keys.join()).not.toContain('sk-ant');
  });
});

describe('ConcurrencyLimit', () => {
  it('grants at most max slots and hands a freed slot to the next waiter', async () => {
    const limit = new ConcurrencyLimit(2);
    const signal = new AbortController().signal;
    const a = await limit.acquire(signal);
    const b = await limit.acquire(signal);
    const third = limit.acquire(signal);
    expect(limit.active).toBe(2);
    expect(limit.waiting).toBe(1);
    if (a.ok) a.release();
    const c = await third;
    expect(c.ok).toBe(true);
    expect(limit.active).toBe(2);
    if (b.ok) b.release();
    if (c.ok) c.release();
    expect(limit.active).toBe(0);
  });

  it('gives up waiting when the caller\'s deadline fires', async () => {
    const limit = new ConcurrencyLimit(1);
    const held = await limit.acquire(new AbortController().signal);
    const controller = new AbortController();
    const waiting = limit.acquire(controller.signal);
    controller.abort();
    expect(await waiting).toEqual({ ok: false, why: 'aborted' });
    expect(limit.waiting).toBe(0);
    if (held.ok) held.release();
    expect(limit.active).toBe(0);
  });

  it('turns callers away when the queue is full', async () => {
    const limit = new ConcurrencyLimit(1, 1);
    const signal = new AbortController().signal;
    await limit.acquire(signal);
    void limit.acquire(signal);
    expect(await limit.acquire(signal)).toEqual({ ok: false, why: 'full' });
  });

  it('releasing twice frees one slot only', async () => {
    const limit = new ConcurrencyLimit(2);
    const signal = new AbortController().signal;
    const a = await limit.acquire(signal);
    await limit.acquire(signal);
    if (a.ok) {
      a.release();
      a.release();
    }
    expect(limit.active).toBe(1);
  });
});
