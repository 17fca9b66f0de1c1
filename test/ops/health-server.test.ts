import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { type HealthServer, healthReport, startHealthServer } from '../../src/ops/health-server';
import { createMetrics } from '../../src/ops/metrics';
import { sample } from './support/prom';

const OVERLOADED = `anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}`;

let server: HealthServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(states: Record<string, string>) {
  const metrics = createMetrics();
  metrics.watchAdapters(() => states);
  server = await startHealthServer({ port: 0, host: '127.0.0.1', adapters: () => states, metrics });
  const base = `http://127.0.0.1:${server.port}`;
  return { metrics, get: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init) };
}

describe('healthReport with several replicas', () => {
  it('counts a Discord standby as healthy, and an unreachable Redis as degraded but still 200', () => {
    expect(healthReport({ discord: 'standby' }, 'ok')).toEqual({ code: 200, report: { status: 'ok', adapters: { discord: 'standby' }, store: 'ok' } });
    expect(healthReport({ slack: 'up' }, 'degraded')).toEqual({ code: 200, report: { status: 'degraded', adapters: { slack: 'up' }, store: 'degraded' } });
    expect(healthReport({ slack: 'down' }, 'ok').code).toBe(503);
    // Without REDIS_URL the report has no store field, as before.
    expect(healthReport({ slack: 'up' }).report).toEqual({ status: 'ok', adapters: { slack: 'up' } });
  });
});

describe('health server', () => {
  it('/healthz is 200 "ok" with every adapter up', async () => {
    const { get } = await start({ slack: 'up', discord: 'up' });
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ status: 'ok', adapters: { slack: 'up', discord: 'up' } });
  });

  it('/healthz is 503 "degraded" when an adapter is down', async () => {
    const { get } = await start({ slack: 'up', discord: 'down' });
    const res = await get('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'degraded', adapters: { slack: 'up', discord: 'down' } });
  });

  it('/healthz stays 200 but "degraded" while an adapter reconnects on its own', async () => {
    const states: Record<string, string> = { slack: 'reconnecting' };
    const { get } = await start(states);
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'degraded' });
    states.slack = 'up';
    expect(await (await get('/healthz')).json()).toMatchObject({ status: 'ok' });
  });

  it('/metrics serves Prometheus text whose counters move after a diagnosis', async () => {
    const { get, metrics } = await start({ slack: 'up' });
    const before = await (await get('/metrics')).text();
    expect(sample(before, 'claude_doctor_diagnoses_total', { category: 'overloaded' })).toBe(0);
    await createDoctor({ observer: metrics.observer }).diagnose({ platform: 'test', text: OVERLOADED });
    const res = await get('/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const after = await res.text();
    expect(sample(after, 'claude_doctor_diagnoses_total', { source: 'rules', category: 'overloaded' })).toBe(1);
    expect(sample(after, 'claude_doctor_adapter_up', { adapter: 'slack' })).toBe(1);
  });

  it('serves nothing else', async () => {
    const { get } = await start({ slack: 'up' });
    expect((await get('/')).status).toBe(404);
    expect((await get('/debug/pprof')).status).toBe(404);
    expect((await get('/healthz', { method: 'POST' })).status).toBe(405);
  });

  it('close() ends keep-alive connections and frees the port', async () => {
    const { get } = await start({ slack: 'up' });
    await (await get('/healthz')).text(); // leaves a keep-alive connection open
    const port = server!.port;
    await server!.close();
    server = null;
    const probe = createServer();
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });

  it('names HEALTH_PORT when the port is taken', async () => {
    await start({ slack: 'up' });
    await expect(startHealthServer({ port: server!.port, host: '127.0.0.1', adapters: () => ({}), metrics: createMetrics() })).rejects.toThrow(/HEALTH_PORT \d+: cannot listen \(EADDRINUSE\)/);
  });
});

describe('/healthz event counts', () => {
  it('counts events by adapter and kind, shortcuts and watched messages included', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    server = await startHealthServer({ port: 0, host: '127.0.0.1', adapters: () => ({ slack: 'up', discord: 'up' }), metrics, events: () => metrics.eventCounts() });
    const slack = metrics.adapter('slack');
    const discord = metrics.adapter('discord');
    for (const kind of ['handled', 'shortcut', 'shortcut', 'shortcut-private', 'watched']) slack.eventReceived(kind);
    for (const kind of ['message-command', 'watched', 'slash']) discord.eventReceived(kind);
    const body = await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json();
    expect(body).toEqual({
      status: 'ok',
      adapters: { slack: 'up', discord: 'up' },
      events: { slack: { handled: 1, shortcut: 2, 'shortcut-private': 1, watched: 1 }, discord: { 'message-command': 1, watched: 1, slash: 1 } },
    });
    expect(sample(await metrics.render().then((m) => m.body), 'claude_doctor_events_received_total', { adapter: 'slack', kind: 'shortcut' })).toBe(2);
  });

  it('reports the shared store beside the counts: a standby replica with Redis away is degraded, still 200', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    server = await startHealthServer({ port: 0, host: '127.0.0.1', adapters: () => ({ discord: 'standby' }), store: () => 'degraded', metrics, events: () => metrics.eventCounts() });
    metrics.adapter('discord').eventReceived('watched');
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'degraded', adapters: { discord: 'standby' }, store: 'degraded', events: { discord: { watched: 1 } } });
  });
});
