import { describe, expect, it } from 'vitest';
import { RESTART_BASE_MS, RESTART_MAX_MS, restartDelay } from '../../adapters/discord/backoff';
import { IdentifyPacer } from '../../adapters/discord/identify-pacer';
import { instantClock } from './support/world';

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

describe('IdentifyPacer', () => {
  const never = new AbortController().signal;
  const setup = () => {
    const clock = instantClock();
    const waits: number[] = [];
    return { clock, waits, pacer: new IdentifyPacer(clock, (ms) => waits.push(ms)) };
  };

  it('lets the first IDENTIFY through at once and spaces the following ones 5 s, 10 s, 20 s', async () => {
    const { pacer, waits } = setup();
    const gate = pacer.throttler(() => true, never);
    for (let i = 0; i < 4; i += 1) await gate.waitForIdentify(0, new AbortController().signal);
    expect(waits).toEqual([5_000, 10_000, 20_000]);
  });

  it('starts over only after a session that lasted 5 minutes', async () => {
    const { pacer, waits, clock } = setup();
    const gate = pacer.throttler(() => true, never);
    await gate.waitForIdentify(0, new AbortController().signal);
    pacer.sessionStarted();
    await clock.sleep(60_000);
    pacer.sessionLost(); // a one-minute session: keep pacing
    await gate.waitForIdentify(0, new AbortController().signal);
    pacer.sessionStarted();
    await clock.sleep(300_000);
    pacer.sessionLost(); // a five-minute session: start over
    await gate.waitForIdentify(0, new AbortController().signal);
    expect(waits).toEqual([5_000]); // only the IDENTIFY after the short session waited
  });

  it('never lets a replaced client identify; it only gives up when its connection closes', async () => {
    const { pacer } = setup();
    const gate = pacer.throttler(() => false, never);
    const connection = new AbortController();
    const outcome = gate.waitForIdentify(0, connection.signal).then(
      () => 'identified',
      () => 'gave up',
    );
    await new Promise((r) => setTimeout(r, 20));
    connection.abort();
    expect(await outcome).toBe('gave up');
  });
});
