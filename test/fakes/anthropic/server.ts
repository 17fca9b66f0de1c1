import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { errorReply, type FakeModel, type FakeReply, modelListPage } from './replies';

/** One request as the fake saw it. */
export interface RecordedRequest {
  /** 0-based arrival order. */
  index: number;
  /** Arrival time, `performance.now()` (monotonic ms) — compare two requests' `at`. */
  at: number;
  method: string;
  path: string;
  /** Query parameters (`limit`, `after_id`, …). */
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  rawBody: string;
  /** The parsed JSON body, or null if it was not JSON. */
  body: unknown;
  /** `x-stainless-retry-count` as a number (the SDK's own attempt counter), or null. */
  retryCount: number | null;
}

/** A scripted step: a reply, or a function of the request that returns one. */
export type FakeStep = FakeReply | ((request: RecordedRequest) => FakeReply | Promise<FakeReply>);

export interface FakeAnthropicOptions {
  /** Replies for `POST /v1/messages`, consumed in order. */
  script?: FakeStep[];
  /**
   * The reply once the script is used up. Default: a 500 with `x-should-retry: false`, so a test
   * that sends one request too many fails fast instead of retrying.
   */
  otherwise?: FakeStep;
  /** Model ids `GET /v1/models` lists, newest first, in pages of the request's `limit` (default 20). */
  models?: FakeModel[];
  /** Answers every `GET /v1/models` instead of the list (an error, `hang()`, a slow reply). */
  modelsReply?: FakeStep;
}

export interface FakeAnthropic {
  /** Base URL for the SDK (`baseURL` / `ANTHROPIC_BASE_URL`): `http://127.0.0.1:PORT`, no `/v1`. */
  readonly url: string;
  /** Every request received, in arrival order (also non-Messages paths). */
  readonly requests: RecordedRequest[];
  /** Requests being handled right now, and the most at once since start. */
  readonly active: number;
  readonly maxActive: number;
  /** Appends steps to the script. */
  enqueue(...steps: FakeStep[]): void;
  /** Resolves once `count` requests arrived; rejects after `timeoutMs`. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  /** Stops listening and destroys every open socket (hanging requests included). */
  close(): Promise<void>;
}

/** What the fake lists when a test does not say: a few current ids, newest first. */
const DEFAULT_MODELS: FakeModel[] = ['claude-fable-5-2', 'claude-haiku-5-5', 'claude-sonnet-5-5', 'claude-opus-5-5'];

const exhausted = (): FakeReply =>
  errorReply(500, 'api_error', 'fake Anthropic: script exhausted', { headers: { 'x-should-retry': 'false' } });

/**
 * A loopback fake of the Anthropic Messages API for integration tests: the real SDK talks to it
 * over HTTP via `baseURL`. Listens on 127.0.0.1, port 0. See README.md in this folder.
 */
export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const script: FakeStep[] = [...(options.script ?? [])];
  const otherwise = options.otherwise ?? exhausted;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const waiters: Array<() => void> = [];
  let active = 0;
  let maxActive = 0;

  const server = createServer((req, res) => {
    active += 1;
    maxActive = Math.max(maxActive, active);
    let counted = true;
    const done = () => {
      if (counted) active -= 1;
      counted = false;
    };
    res.on('finish', done);
    res.on('close', done);
    void handle(req, res).catch((cause: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`fake Anthropic failed: ${String(cause)}`);
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const recorded = record(req, rawBody);
    const isMessages = req.method === 'POST' && recorded.path === '/v1/messages';
    const isModels = req.method === 'GET' && recorded.path === '/v1/models';
    const step = isMessages
      ? (script.shift() ?? otherwise)
      : isModels
        ? (options.modelsReply ?? modelListPage(options.models ?? DEFAULT_MODELS, recorded.query))
        : errorReply(404, 'not_found_error', `Not found: ${recorded.path}`);
    const reply = typeof step === 'function' ? await step(recorded) : step;
    if (reply.hang) return; // keep the socket open until the client gives up or close() runs
    if (reply.delayMs) await wait(reply.delayMs);
    if (res.destroyed) return;
    const headers = { 'content-type': 'application/json', 'request-id': `req_fake_${recorded.index}`, ...reply.headers };
    const body = reply.junk ?? JSON.stringify(reply.body ?? {});
    res.writeHead(reply.status ?? 200, headers);
    if (reply.stallBody) res.write(body.slice(0, Math.floor(body.length / 2)));
    else res.end(body);
  }

  function record(req: IncomingMessage, rawBody: string): RecordedRequest {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const retry = Number.parseInt(headers['x-stainless-retry-count'] ?? '', 10);
    const url = new URL(req.url ?? '/', 'http://fake');
    const recorded: RecordedRequest = {
      index: requests.length,
      at: performance.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers,
      rawBody,
      body: parseJson(rawBody),
      retryCount: Number.isNaN(retry) ? null : retry,
    };
    requests.push(recorded);
    for (const wake of waiters.splice(0)) wake();
    return recorded;
  }

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get active() {
      return active;
    },
    get maxActive() {
      return maxActive;
    },
    enqueue: (...steps) => void script.push(...steps),
    async waitForRequests(count, timeoutMs = 5_000) {
      const deadline = performance.now() + timeoutMs;
      while (requests.length < count) {
        const left = deadline - performance.now();
        if (left <= 0) throw new Error(`fake Anthropic: expected ${count} requests, got ${requests.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (cause) {
    if (cause instanceof SyntaxError) return null; // recorded as not-JSON; rawBody keeps the text
    throw cause;
  }
}
