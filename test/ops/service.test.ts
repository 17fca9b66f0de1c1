import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/ops/in-flight';
import { createLogger } from '../../src/ops/logger';
import { createMetrics } from '../../src/ops/metrics';
import type { Ops } from '../../src/ops/ops';
import { type ChatAdapter, serveChat } from '../../src/ops/service';

function ops(): Ops & { records: () => Array<Record<string, unknown>> } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (s: string) => void lines.push(s) } });
  return { logger, metrics: createMetrics({ defaultMetrics: false }), statusSource: undefined, inFlight: new InFlight(), records: () => lines.map((l) => JSON.parse(l)) };
}

function adapter(name: string, start: () => Promise<void> = async () => {}): ChatAdapter & { stopped: boolean } {
  let state = 'down';
  return {
    name,
    stopped: false,
    state: () => state,
    async start() {
      state = 'starting';
      await start();
      state = 'up';
    },
    async stop() {
      this.stopped = true;
      state = 'down';
    },
  };
}

async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(predicate()).toBe(true);
}

describe('serveChat', () => {
  it('serves /healthz while running and exits 0 after SIGTERM, with the port closed', async () => {
    const o = ops();
    const signals = new EventEmitter();
    const slack = adapter('slack');
    let ready = false;
    const code = serveChat({ adapters: [slack], doctor: { close: async () => {} }, ops: o, healthPort: 0, signals: signals as unknown as NodeJS.Process, onForce: () => {}, onReady: () => (ready = true) });
    await until(() => ready);
    const port = o.records().find((r) => r.msg === 'ready')!.healthPort as number;
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok', adapters: { slack: 'up' }, events: {} });
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await code).toBe(0);
    expect(slack.stopped).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('does not log "ready" while an adapter is still trying to connect, and does once it is up', async () => {
    const o = ops();
    const signals = new EventEmitter();
    let state = 'down';
    const offline: ChatAdapter = {
      name: 'discord',
      state: () => state,
      async start() {
        state = 'reconnecting'; // the login failed (no network); the adapter retries in the background
      },
      async stop() {
        state = 'down';
      },
    };
    let started = false;
    const code = serveChat({ adapters: [offline], doctor: { close: async () => {} }, ops: o, healthPort: 0, signals: signals as unknown as NodeJS.Process, onForce: () => {}, onReady: () => (started = true) });
    await until(() => started);
    expect(o.records().map((r) => r.msg)).not.toContain('ready');
    expect(o.records().find((r) => /not every adapter is connected/.test(String(r.msg)))?.adapters).toEqual({ discord: 'reconnecting' });
    state = 'up';
    await until(() => o.records().some((r) => r.msg === 'ready'));
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await code).toBe(0);
  });

  it('exits 1 when an adapter cannot start, after stopping the others', async () => {
    const o = ops();
    const slack = adapter('slack');
    const discord = adapter('discord', async () => Promise.reject(new Error('An invalid token was provided.')));
    const code = await serveChat({ adapters: [slack, discord], doctor: { close: async () => {} }, ops: o, healthPort: 0, signals: new EventEmitter() as unknown as NodeJS.Process, onForce: () => {} });
    expect(code).toBe(1);
    expect(slack.stopped).toBe(true);
    expect(o.records().some((r) => r.msg === 'an adapter could not start; stopping')).toBe(true);
  });

  it('a signal during a slow start stops cleanly and exits 0', async () => {
    const o = ops();
    const signals = new EventEmitter();
    const slack = adapter('slack', () => new Promise(() => {})); // never connects
    const code = serveChat({ adapters: [slack], doctor: { close: async () => {} }, ops: o, healthPort: 0, signals: signals as unknown as NodeJS.Process, onForce: () => {}, graceMs: 500 });
    await until(() => o.records().some((r) => r.msg === 'health server listening: /healthz, /metrics'));
    signals.emit('SIGINT', 'SIGINT');
    expect(await code).toBe(0);
    expect(slack.stopped).toBe(true);
  });
});
