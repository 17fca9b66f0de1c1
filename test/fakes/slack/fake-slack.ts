import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackMessageError } from './limits';
import { FakeSocketMode } from './socket-mode';

export const BOT_TOKEN = 'xoxb-test-0000-fake';
export const APP_TOKEN = 'xapp-1-test-fake';
export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';

/** One Web API request as the fake received it; `params` has JSON-valued fields (blocks) decoded. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  authorization: string | undefined;
  at: number;
}

export interface StoredFile {
  contentType: string;
  body: Buffer;
}

/**
 * Slack's Web API and file host on 127.0.0.1, plus Socket Mode at `/link`. Records every call,
 * answers like Slack (HTTP 200, `ok: false` + error for problems), enforces message limits.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly fileRequests: Array<{ path: string; authorization: string | undefined }> = [];
  /** Served at `${origin}/files-pri/<key>` with the bot token only. */
  readonly files = new Map<string, StoredFile>();
  /** `files.info` answers, by file id. */
  readonly fileInfo = new Map<string, Record<string, unknown>>();
  /** `conversations.replies` answers, by `channel:ts`. */
  readonly threads = new Map<string, Array<Record<string, unknown>>>();
  /** Channels the bot is not a member of: posting there fails like Slack (`not_in_channel`). */
  readonly notMemberOf = new Set<string>();
  /** Messages the bot posted and has not deleted, by `channel:ts`: what `chat.update` may change. */
  readonly posted = new Map<string, Record<string, unknown>>();
  /** Bodies POSTed to a `response_url` (see `responseUrl`), in order. */
  readonly responses: Array<{ key: string; body: Record<string, unknown> }> = [];
  readonly socket = new FakeSocketMode();
  private nextTs = 1;

  private constructor(private readonly server: Server, readonly origin: string) {}

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeSlack(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => void fake.route(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/link')) fake.socket.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    return fake;
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  fileUrl(key: string): string {
    return `${this.origin}/files-pri/${key}`;
  }

  /** A `response_url` for an interactive payload; what is POSTed there lands in `responses`. */
  responseUrl(key: string): string {
    return `${this.origin}/respond/${key}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Polls until `predicate` holds; fails after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`fake slack: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close(): Promise<void> {
    await this.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    if (req.method === 'GET' && url.pathname.startsWith('/files-pri/')) return this.serveFile(url.pathname, req, res);
    if (req.method === 'POST' && url.pathname.startsWith('/respond/')) {
      // Like hooks.slack.com: JSON in, 200 "ok" out, no token needed (the URL is the secret).
      this.responses.push({ key: url.pathname.slice('/respond/'.length), body: JSON.parse(await readBody(req)) as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const params = decodeForm(await readBody(req));
      const authorization = req.headers.authorization;
      this.calls.push({ method, params, authorization, at: Date.now() });
      return json(res, this.answer(method, params, authorization));
    }
    res.writeHead(404).end();
  }

  private answer(method: string, params: Record<string, unknown>, authorization: string | undefined): object {
    if (method === 'apps.connections.open') {
      if (authorization !== `Bearer ${APP_TOKEN}`) return { ok: false, error: 'invalid_auth' };
      return { ok: true, url: `${this.origin.replace('http', 'ws')}/link/?ticket=fake` };
    }
    if (authorization !== `Bearer ${BOT_TOKEN}`) return { ok: false, error: 'invalid_auth' };
    if (method.startsWith('chat.') && this.notMemberOf.has(String(params.channel))) return { ok: false, error: 'not_in_channel' };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'doctor', team_id: 'T0FAKE', user_id: BOT_USER_ID, bot_id: BOT_ID };
      case 'chat.postMessage': {
        const error = slackMessageError(params);
        if (error) return { ok: false, error };
        const ts = this.ts();
        this.posted.set(`${params.channel}:${ts}`, params);
        return { ok: true, channel: params.channel, ts, message: { type: 'message', text: params.text, ts, bot_id: BOT_ID } };
      }
      case 'chat.update': {
        const key = `${params.channel}:${params.ts}`;
        if (!this.posted.has(key)) return { ok: false, error: 'message_not_found' };
        const error = slackMessageError(params);
        if (error) return { ok: false, error };
        this.posted.set(key, { ...this.posted.get(key), text: params.text, blocks: params.blocks });
        return { ok: true, channel: params.channel, ts: params.ts, text: params.text };
      }
      case 'chat.delete': {
        const key = `${params.channel}:${params.ts}`;
        if (!this.posted.delete(key)) return { ok: false, error: 'message_not_found' };
        return { ok: true, channel: params.channel, ts: params.ts };
      }
      case 'chat.postEphemeral': {
        const error = slackMessageError(params);
        return error ? { ok: false, error } : { ok: true, message_ts: this.ts() };
      }
      case 'files.info': {
        const file = this.fileInfo.get(String(params.file));
        return file ? { ok: true, file } : { ok: false, error: 'file_not_found' };
      }
      case 'conversations.replies': {
        const messages = this.threads.get(`${params.channel}:${params.ts}`);
        return messages ? { ok: true, messages, has_more: false } : { ok: false, error: 'thread_not_found' };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private serveFile(path: string, req: IncomingMessage, res: ServerResponse): void {
    this.fileRequests.push({ path, authorization: req.headers.authorization });
    const file = this.files.get(path.slice('/files-pri/'.length));
    // Like Slack: without a valid token the answer is 200 with the HTML sign-in page.
    if (req.headers.authorization !== `Bearer ${BOT_TOKEN}`) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html>Sign in to Slack</html>');
      return;
    }
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.body.length }).end(file.body);
  }

  private ts(): string {
    const n = this.nextTs++;
    return `1800000000.${String(n).padStart(6, '0')}`;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The Web API client sends form fields; arrays and objects arrive as JSON strings. */
function decodeForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    out[key] = key === 'blocks' || key === 'attachments' ? JSON.parse(value) : value;
  }
  return out;
}

function json(res: ServerResponse, body: object): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
