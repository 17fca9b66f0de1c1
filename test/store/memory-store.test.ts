import { describe, expect, it } from 'vitest';
import { DEDUPE_TTL_MS } from '../../adapters/slack/store';
import { MemoryStore, TtlMap } from '../../src/store';
import { fakeSecrets } from '../support/secrets';

describe('MemoryStore (the default: one process, no setup)', () => {
  it('lets a claim through once, then again after its TTL', async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    expect(await store.claim('event:Ev1', 1_000)).toBe(true);
    expect(await store.claim('event:Ev1', 1_000)).toBe(false);
    now = 999;
    expect(await store.claim('event:Ev1', 1_000)).toBe(false);
    now = 1_000;
    expect(await store.claim('event:Ev1', 1_000)).toBe(true);
  });

  it('keeps Slack claims past its retries (about 5 minutes) and stays bounded', async () => {
    expect(DEDUPE_TTL_MS).toBeGreaterThanOrEqual(10 * 60_000);
    const store = new MemoryStore({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c', 'd']) await store.claim(k, DEDUPE_TTL_MS);
    // The oldest key was forgotten to make room.
    expect(await store.claim('a', DEDUPE_TTL_MS)).toBe(true);
    expect(await store.claim('d', DEDUPE_TTL_MS)).toBe(false);
  });

  it('stores values redacted, as JSON, until their TTL', async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    const key = fakeSecrets(5).anthropicApi;
    await store.set('thread:1', { text: `paste with ${key}`, n: 1 }, 100);
    const back = (await store.get('thread:1')) as { text: string; n: number };
    expect(back.n).toBe(1);
    expect(back.text).not.toContain(key.slice(-20));
    now = 100;
    expect(await store.get('thread:1')).toBeNull();
  });

  it('counts different members in a sliding window', async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    expect(await store.distinctRecent('ws', 'a', 1_000)).toEqual({ count: 1, since: 0 });
    now = 400;
    expect(await store.distinctRecent('ws', 'a', 1_000)).toEqual({ count: 1, since: 400 });
    now = 500;
    expect((await store.distinctRecent('ws', 'b', 1_000)).count).toBe(2);
    now = 1_450;
    // a (last seen at 400) left the window; b (500) and c remain.
    expect(await store.distinctRecent('ws', 'c', 1_000)).toEqual({ count: 2, since: 500 });
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
