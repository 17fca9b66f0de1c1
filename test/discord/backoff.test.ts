import { describe, expect, it } from 'vitest';
import { FlapDetector, RESTART_BASE_MS, RESTART_MAX_MS, restartDelay } from '../../adapters/discord/backoff';

describe('restart backoff', () => {
  it('starts at 5 s and doubles up to 5 min', () => {
    expect(Array.from({ length: 9 }, (_, i) => restartDelay(i))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
    expect(restartDelay(10_000)).toBe(RESTART_MAX_MS);
  });

  it('keeps a crash loop far below the 1,000 IDENTIFYs Discord allows per day', () => {
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 86_400_000) elapsed += restartDelay(attempts++);
    expect(attempts).toBeLessThan(300);
    expect(restartDelay(0)).toBeGreaterThanOrEqual(RESTART_BASE_MS);
  });
});

describe('FlapDetector', () => {
  it('flags more than `limit` events inside the window, and forgets old ones', () => {
    const flap = new FlapDetector(2, 1000);
    expect(flap.record(0)).toBe(false);
    expect(flap.record(100)).toBe(false);
    expect(flap.record(200)).toBe(true);
    expect(flap.record(5000)).toBe(false);
  });
});
