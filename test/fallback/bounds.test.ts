import { describe, expect, it } from 'vitest';
import { AnswerCache, type AnswerOutcome } from '../../src/fallback/answer-cache';
import { ConcurrencyLimit } from '../../src/fallback/concurrency';
import { MemoryStore } from '../../src/store/memory-store';
import { SlidingWindows } from '../../src/store/sliding-window';

const clock = (start = 1_000_000) => {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
};

describe('the per-user quota (SlidingWindows, the memory store behind the fallback)', () => {
  it('allows 5 calls per user per minute, then says when the next is allowed', () => {
    const c = clock();
    const quota = new SlidingWindows({ now: c.now });
    const take = (user: string) => quota.take(user, 5, 60_000);
    for (let i = 0; i < 5; i += 1) {
      expect(take('alice').ok).toBe(true);
      c.advance(1000);
    }
    expect(take('alice')).toEqual({ ok: false, retryInMs: 55_000 });
    expect(take('bob').ok).toBe(true); // per user
    c.advance(55_000);
    expect(take('alice').ok).toBe(true); // the first call left the window
    expect(take('alice').ok).toBe(false);
  });

  it('keeps memory bounded when many users pass through', () => {
    const c = clock();
    const quota = new SlidingWindows({ now: c.now, maxKeys: 100 });
    for (let i = 0; i < 1000; i += 1) quota.take(`u${i}`, 1, 60_000);
    expect(quota.size).toBeLessThanOrEqual(100);
  });
});

const answer = (explanation: string): AnswerOutcome => ({
  kind: 'answer',
  model: 'claude-haiku-4-5',
  entry: null,
  status: null,
  type: null,
  category: 'unknown',
  explanation,
  fix: [],
  confidence: 0.7,
});

/** A memory store that also records the keys it was asked to write. */
function recordingStore(now: () => number, maxEntries?: number) {
  const store = new MemoryStore({ now, maxEntries });
  const keys: string[] = [];
  const set = store.set.bind(store);
  store.set = (key, value, ttlMs) => (keys.push(key), set(key, value, ttlMs));
  return { store, keys };
}

describe('AnswerCache (on the shared store)', () => {
  it('returns an answer until its TTL runs out', async () => {
    const c = clock();
    const cache = new AnswerCache(new MemoryStore({ now: c.now }), 3_600_000);
    await cache.set('paste', answer('first'));
    c.advance(3_599_999);
    expect((await cache.get('paste'))?.explanation).toBe('first');
    c.advance(1);
    expect(await cache.get('paste')).toBeUndefined();
  });

  it('drops the oldest entry past its size bound', async () => {
    const c = clock();
    const cache = new AnswerCache(new MemoryStore({ now: c.now, maxEntries: 2 }), 60_000);
    await cache.set('a', answer('1'));
    await cache.set('b', answer('2'));
    await cache.set('c', answer('3'));
    expect(await cache.get('a')).toBeUndefined();
    expect((await cache.get('c'))?.explanation).toBe('3');
  });

  it('stores no pasted text, and reads back nothing that is not an answer', async () => {
    const { store, keys } = recordingStore(() => 0);
    const cache = new AnswerCache(store, 60_000);
    await cache.set('sk-ant-api03-this-should-not-be-kept', answer('x'));
    expect(keys).toHaveLength(1);
    expect(keys.join()).not.toContain('sk-ant');
    await store.set(keys[0]!, { kind: 'answer', model: 7 }, 60_000);
    expect(await cache.get('sk-ant-api03-this-should-not-be-kept')).toBeUndefined();
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
