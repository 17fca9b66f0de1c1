import type { IncomingMessage, ServerResponse } from 'node:http';
import { messageLimitProblems } from './limits';
import { message, snowflake, type FakeUser } from './payloads';

/** One REST request as the fake saw it. Paths are relative to `/api/v10`. */
export interface RestCall {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body, or the raw text for other content types. */
  body: unknown;
  authorized: boolean;
  receivedAt: number;
  status: number;
}

/**
 * A scripted answer for matching requests: Discord errors, 429s, slowness. Paths are matched
 * relative to `/api/v10`, or as `/attachments/...` for the CDN. Without `status`, the request is
 * only delayed and then answered normally.
 */
export interface RestFault {
  method?: string;
  path: RegExp;
  /** How many matching requests get the fault; default every one. */
  times?: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

interface InteractionRecord {
  id: string;
  token: string;
  dispatchedAt: number;
  ackedAt: number | null;
  expired: boolean;
  original: Record<string, unknown> | null;
}

export interface RestWorld {
  token: string;
  applicationId: string;
  botUser: FakeUser;
  gatewayUrl: () => string;
  /** Discord's window for the first response to an interaction (3 s). */
  interactionDeadlineMs: number;
  blobs: Map<string, { data: Uint8Array; contentType: string }>;
}

const API = '/api/v10';
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  if (status === 204) {
    res.writeHead(204, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};
const discordError = (code: number, msg: string) => ({ code, message: msg });

/** The REST half of the fake: routes the bot uses, with Discord's error codes and limits. */
export class FakeRest {
  readonly calls: RestCall[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  private readonly faults: Array<RestFault & { used: number }> = [];
  private readonly dmChannels = new Map<string, string>();
  private waiters: Array<() => void> = [];

  constructor(private readonly world: RestWorld) {}

  fault(fault: RestFault): void {
    this.faults.push({ ...fault, used: 0 });
  }

  /** Called by the gateway when it dispatches an interaction: the 3-second clock starts here. */
  trackInteraction(id: string, token: string): void {
    this.interactions.set(id, { id, token, dispatchedAt: Date.now(), ackedAt: null, expired: false, original: null });
  }

  /** Makes the next callback for this interaction fail with 10062, as a late response would. */
  expireInteraction(id: string): void {
    const record = this.interactions.get(id);
    if (record) record.expired = true;
  }

  /** Resolves when a recorded call satisfies the predicate, or rejects after `timeoutMs`. */
  async waitForCall(predicate: (c: RestCall) => boolean, timeoutMs = 5000): Promise<RestCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake Discord: no matching REST call within ${timeoutMs} ms; saw ${this.describe()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  describe(): string {
    return this.calls.map((c) => `${c.method} ${c.path.replace(/\/[\w-]{60,}/g, '/<token>')} ${c.status}`).join(', ') || 'nothing';
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/attachments/')) {
      const fault = this.takeFault(req.method ?? 'GET', url.pathname);
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault?.status) return json(res, fault.status, fault.body ?? {});
      return this.serveBlob(url.pathname, res);
    }
    if (!url.pathname.startsWith(API)) return json(res, 404, discordError(0, '404: Not Found'));
    const raw = await readBody(req);
    const type = req.headers['content-type'] ?? '';
    const body = raw.length === 0 ? undefined : type.includes('application/json') ? JSON.parse(raw) : raw;
    const call: RestCall = {
      method: req.method ?? 'GET',
      // discord.js sends `@original` percent-encoded; Discord decodes it, so does the fake.
      path: decodeURIComponent(url.pathname.slice(API.length)),
      query: url.searchParams,
      body,
      authorized: req.headers.authorization === `Bot ${this.world.token}`,
      receivedAt: Date.now(),
      status: 0,
    };
    this.calls.push(call);
    const respond = (status: number, payload?: unknown, headers?: Record<string, string>) => {
      call.status = status;
      json(res, status, payload, headers);
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    };

    const fault = this.takeFault(call.method, call.path);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.status) return respond(fault.status, fault.body ?? discordError(0, `${fault.status}: scripted`), fault.headers);
    const [status, payload] = this.route(call);
    return respond(status, payload);
  }

  private takeFault(method: string, path: string): RestFault | undefined {
    const fault = this.faults.find((f) => (!f.method || f.method === method) && f.path.test(path) && (f.times === undefined || f.used < f.times));
    if (fault) fault.used += 1;
    return fault;
  }

  private route(call: RestCall): [number, unknown] {
    const { method, path } = call;
    const needsAuth = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (needsAuth && !call.authorized) return [401, discordError(0, '401: Unauthorized')];
    const problems = ['POST', 'PATCH'].includes(method) ? messageLimitProblems(call.body) : [];
    let m: RegExpMatchArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      return [200, { url: this.world.gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } }];
    }
    if (method === 'GET' && path === '/users/@me') return [200, this.world.botUser];
    if ((m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/)) && method === 'PUT') {
      if (m[1] !== this.world.applicationId) return [403, discordError(50001, 'Missing Access')];
      const commands = Array.isArray(call.body) ? call.body : [];
      return [200, commands.map((c: Record<string, unknown>) => ({ id: snowflake(), application_id: m![1], version: snowflake(), ...(m![2] ? { guild_id: m![2] } : {}), ...c }))];
    }
    if ((m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/)) && method === 'POST') {
      return this.callback(m[1]!, m[2]!, call.body as { type: number; data?: Record<string, unknown> }, problems);
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)(\/messages\/(@original|\d+))?$/))) {
      return this.webhook(method, m[2]!, m[4], call.body as Record<string, unknown>, problems);
    }
    if ((m = path.match(/^\/channels\/(\d+)\/typing$/)) && method === 'POST') return [204, undefined];
    if ((m = path.match(/^\/channels\/(\d+)\/messages$/)) && method === 'POST') {
      if (problems.length) return [400, invalidForm(problems)];
      const body = call.body as Record<string, unknown>;
      return [200, message({ channelId: m[1]!, author: this.world.botUser, content: body.content as string, embeds: body.embeds as unknown[], components: body.components as unknown[] })];
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = (call.body as { recipient_id: string }).recipient_id;
      const id = this.dmChannels.get(recipient) ?? snowflake();
      this.dmChannels.set(recipient, id);
      return [200, { id, type: 1, last_message_id: null, flags: 0, recipients: [{ id: recipient, username: 'someone', discriminator: '0', global_name: null, avatar: null }] }];
    }
    return [404, discordError(0, '404: Not Found')];
  }

  private findByToken(token: string): InteractionRecord | undefined {
    return [...this.interactions.values()].find((i) => i.token === token);
  }

  private callback(id: string, token: string, body: { type: number; data?: Record<string, unknown> }, problems: string[]): [number, unknown] {
    const record = this.interactions.get(id);
    if (!record || record.token !== token || record.expired || Date.now() - record.dispatchedAt > this.world.interactionDeadlineMs) {
      return [404, discordError(10062, 'Unknown interaction')];
    }
    if (record.ackedAt !== null) return [400, discordError(40060, 'Interaction has already been acknowledged.')];
    if (problems.length) return [400, invalidForm(problems)];
    record.ackedAt = Date.now();
    const data = body.data ?? {};
    // Type 5 (deferred) shows "thinking…"; type 4 is the answer itself.
    record.original = message({
      channelId: '0',
      author: this.world.botUser,
      content: body.type === 4 ? (data.content as string) : '',
      embeds: body.type === 4 ? (data.embeds as unknown[]) : [],
      flags: ((data.flags as number) ?? 0) | (body.type === 5 ? 128 : 0),
      webhookId: this.world.applicationId,
      applicationId: this.world.applicationId,
    });
    return [204, undefined];
  }

  private webhook(method: string, token: string, target: string | undefined, body: Record<string, unknown>, problems: string[]): [number, unknown] {
    const record = this.findByToken(token);
    if (!record) return [404, discordError(10015, 'Unknown Webhook')];
    if (record.ackedAt === null) return [404, discordError(10008, 'Unknown Message')];
    if (problems.length) return [400, invalidForm(problems)];
    if (method === 'PATCH' && target === '@original' && record.original) {
      record.original = { ...record.original, ...body, flags: ((record.original.flags as number) ?? 0) & ~128 };
      return [200, record.original];
    }
    if (method === 'GET' && target === '@original' && record.original) return [200, record.original];
    if (method === 'POST' && target === undefined) {
      return [200, message({ channelId: '0', author: this.world.botUser, content: body.content as string, embeds: body.embeds as unknown[], flags: body.flags as number, webhookId: this.world.applicationId, applicationId: this.world.applicationId })];
    }
    return [404, discordError(10008, 'Unknown Message')];
  }

  private serveBlob(path: string, res: ServerResponse): void {
    const blob = this.world.blobs.get(path);
    if (!blob) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': blob.contentType, 'content-length': String(blob.data.byteLength) }).end(blob.data);
  }
}

function invalidForm(problems: string[]) {
  return { code: 50035, message: 'Invalid Form Body', errors: { _errors: problems.map((p) => ({ code: 'BASE_TYPE_MAX_LENGTH', message: p })) } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
