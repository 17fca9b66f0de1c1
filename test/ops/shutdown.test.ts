import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/ops/in-flight';
import { onShutdownSignals, shutdown } from '../../src/ops/shutdown';
import { silentLogger } from '../../src/ports';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An adapter like the real ones: stop() refuses new events, waits for its replies, disconnects. */
function fakeAdapter(name: string, inFlight: InFlight, log: string[]) {
  const replies = new Set<Promise<void>>();
  let accepting = true;
  return {
    name,
    /** An event arrives: the reply takes `ms` (Infinity: never finishes). */
    event(ms: number) {
      if (!accepting || !inFlight.accepting) return log.push(`${name}: refused`);
      const p = inFlight.track(async () => {
        if (ms === Infinity) await new Promise(() => {});
        await sleep(ms);
        log.push(`${name}: reply sent`);
      });
      replies.add(p);
      void p.finally(() => replies.delete(p));
    },
    async stop() {
      accepting = false;
      log.push(`${name}: stop taking events`);
      await Promise.all([...replies]);
      log.push(`${name}: disconnected`);
    },
  };
}

const closer = (name: string, log: string[]) => ({ name, close: async () => void log.push(`${name}: closed`) });

describe('shutdown sequence', () => {
  it('lets a reply in flight finish, then disconnects and closes the health server and the doctor, in that order', async () => {
    const log: string[] = [];
    const inFlight = new InFlight();
    const slack = fakeAdapter('slack', inFlight, log);
    slack.event(150);
    const result = shutdown({ adapters: [slack], inFlight, closers: [closer('health', log), closer('doctor', log)], logger: silentLogger, graceMs: 5_000 }, 'SIGTERM');
    slack.event(10); // arrives after the signal
    expect(await result).toEqual({ clean: true, cutReplies: 0, stuck: [] });
    expect(log).toEqual(['slack: stop taking events', 'slack: refused', 'slack: reply sent', 'slack: disconnected', 'health: closed', 'doctor: closed']);
  });

  it('cuts a stuck reply at the deadline and still closes everything', async () => {
    const log: string[] = [];
    const inFlight = new InFlight();
    const slack = fakeAdapter('slack', inFlight, log);
    const discord = fakeAdapter('discord', inFlight, log);
    slack.event(Infinity);
    discord.event(20);
    const started = Date.now();
    const result = await shutdown({ adapters: [slack, discord], inFlight, closers: [closer('health', log), closer('doctor', log)], logger: silentLogger, graceMs: 400, closeReserveMs: 100 }, 'SIGINT');
    const elapsed = Date.now() - started;
    expect(result).toEqual({ clean: false, cutReplies: 1, stuck: ['slack'] });
    expect(log).toContain('discord: reply sent');
    expect(log).not.toContain('slack: disconnected');
    expect(log.slice(-2)).toEqual(['health: closed', 'doctor: closed']);
    // The deadline is the injected budget, not the 10 s default.
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('reports a part that fails to close without stopping the others', async () => {
    const log: string[] = [];
    const inFlight = new InFlight();
    const broken = { name: 'health', close: async () => Promise.reject(new Error('EBADF')) };
    const result = await shutdown({ adapters: [], inFlight, closers: [broken, closer('doctor', log)], logger: silentLogger, graceMs: 1_000 }, 'SIGTERM');
    expect(result.clean).toBe(true);
    expect(log).toEqual(['doctor: closed']);
  });
});

describe('in-flight tracker', () => {
  it('passes results and errors through and counts only what runs', async () => {
    const inFlight = new InFlight();
    const a = inFlight.track(async () => (await sleep(20), 'answer'));
    const b = inFlight.track(async () => Promise.reject(new Error('post failed'))).catch((e: Error) => `rejected: ${e.message}`);
    expect(inFlight.size).toBe(2);
    await expect(a).resolves.toBe('answer');
    await expect(b).resolves.toBe('rejected: post failed');
    expect(inFlight.size).toBe(0);
    expect(await inFlight.idle(10)).toBe(true);
  });
});

describe('signals', () => {
  it('starts the shutdown on the first SIGTERM or SIGINT and forces on the second', () => {
    const proc = new EventEmitter();
    const calls: string[] = [];
    const remove = onShutdownSignals(proc as unknown as NodeJS.Process, (s) => calls.push(`stop:${s}`), (s) => calls.push(`force:${s}`));
    proc.emit('SIGTERM', 'SIGTERM');
    proc.emit('SIGINT', 'SIGINT');
    expect(calls).toEqual(['stop:SIGTERM', 'force:SIGINT']);
    remove();
    expect(proc.listenerCount('SIGTERM') + proc.listenerCount('SIGINT')).toBe(0);
  });
});
