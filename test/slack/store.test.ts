import { describe, expect, it } from 'vitest';
import { DEDUPE_MAX_ENTRIES, DEDUPE_TTL_MS, MemoryDedupeStore, TtlMap } from '../../adapters/slack/store';

describe('MemoryDedupeStore', () => {
  it('lets a key through once, then again after the TTL', async () => {
    let now = 0;
    const store = new MemoryDedupeStore({ ttlMs: 1_000, now: () => now });
    expect(await store.claim('event:Ev1')).toBe(true);
    expect(await store.claim('event:Ev1')).toBe(false);
    now = 999;
    expect(await store.claim('event:Ev1')).toBe(false);
    now = 1_000;
    expect(await store.claim('event:Ev1')).toBe(true);
  });

  it('outlives Slack retries (about 5 minutes) and stays bounded', () => {
    expect(DEDUPE_TTL_MS).toBeGreaterThanOrEqual(10 * 60_000);
    expect(DEDUPE_MAX_ENTRIES).toBeLessThanOrEqual(10_000);
  });

  it('forgets the oldest keys first when full', async () => {
    const store = new MemoryDedupeStore({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c', 'd']) await store.claim(k);
    expect(await store.claim('a')).toBe(true);
    expect(await store.claim('d')).toBe(false);
  });
});

describe('TtlMap', () => {
  it('expires entries and honours a per-entry TTL', () => {
    let now = 0;
    const map = new TtlMap<string>(100, 10, () => now);
    map.set('short', 's', 10);
    map.set('long', 'l');
    now = 50;
    expect(map.get('short')).toBeUndefined();
    expect(map.get('long')).toBe('l');
  });
});
