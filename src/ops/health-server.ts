import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Logger, silentLogger, type StoreHealth } from '../ports';

export interface HealthServerOptions {
  /** HEALTH_PORT; 0 picks a free port. */
  port: number;
  /** Default: every interface, so a container's probe and Prometheus can reach it. */
  host?: string;
  /** Each adapter's state by name, read at every request ('up', 'starting', 'reconnecting', 'down'). */
  adapters: () => Record<string, string>;
  /** The shared store's health, when REDIS_URL is set: `degraded` while Redis cannot be reached. */
  store?: () => StoreHealth;
  metrics: { render(): Promise<{ contentType: string; body: string }> };
  /** Events received so far by adapter and kind (mention, shortcut, watched …), shown as `events`. */
  events?: () => Record<string, Record<string, number>>;
  logger?: Logger;
}

export interface HealthServer {
  /** The port actually bound. */
  readonly port: number;
  close(): Promise<void>;
}

/** HEALTH_PORT could not be bound (in use, no permission). */
export class HealthPortError extends Error {
  override readonly name = 'HealthPortError';
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  adapters: Record<string, string>;
  /** Present with REDIS_URL: `degraded` while Redis cannot be reached (the process stands in). */
  store?: StoreHealth;
  /** Present when the server was given event counts: `{ slack: { handled: 3, shortcut: 1 } }`. */
  events?: Record<string, Record<string, number>>;
}

/** Connecting or reconnecting on its own: not fully up, but nothing for an operator to fix yet. */
const TRANSIENT = new Set(['starting', 'reconnecting']);
/** Working as meant: connected, or a Discord replica standing by while another holds the gateway. */
const HEALTHY = new Set(['up', 'standby']);

/** An adapter state that needs nothing more: "ready" is logged once every adapter is in one. */
export const isWorkingAsMeant = (state: string): boolean => HEALTHY.has(state);

/**
 * `ok` only when every adapter is up (or standing by) and the shared store is reachable. HTTP 503
 * when any adapter is down (not merely reconnecting), so a load balancer or process manager acts
 * on real outages and not on a Socket Mode refresh. An unreachable Redis degrades but stays 200:
 * the bot still answers, and restarting it would not bring Redis back.
 */
export function healthReport(adapters: Record<string, string>, store?: StoreHealth): { code: 200 | 503; report: HealthReport } {
  const states = Object.values(adapters);
  const down = states.some((s) => !HEALTHY.has(s) && !TRANSIENT.has(s));
  const status = states.every((s) => HEALTHY.has(s)) && store !== 'degraded' ? 'ok' : 'degraded';
  return { code: down ? 503 : 200, report: { status, adapters, ...(store ? { store } : {}) } };
}

/** `/healthz` (JSON) and `/metrics` (Prometheus text) on HEALTH_PORT. Nothing else is served. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const logger = options.logger ?? silentLogger;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz' && path !== '/metrics') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    if (path === '/healthz') {
      const { code, report } = healthReport(options.adapters(), options.store?.());
      const body: HealthReport = options.events ? { ...report, events: options.events() } : report;
      return void res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
    }
    const { contentType, body } = await options.metrics.render();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error({ err: error, path: req.url }, 'health server: request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new HealthPortError(`HEALTH_PORT ${options.port}: cannot listen (${error.code ?? error.message}); set HEALTH_PORT to a free port`, { cause: error })),
    );
    server.listen(options.port, options.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'health server listening: /healthz, /metrics');

  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Scrapers keep connections alive; they must not hold the shutdown.
        server.closeAllConnections();
      }),
  };
}
