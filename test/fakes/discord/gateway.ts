import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { FakeUser } from './payloads';

/** Gateway opcodes (Discord API reference, "Gateway Opcodes"). */
export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export interface IdentifyRecord {
  token: string;
  intents: number;
  properties: Record<string, string>;
  shard?: [number, number];
  at: number;
}

interface Session {
  ws: WebSocket;
  id: string;
  seq: number;
  identified: boolean;
}

export interface GatewayWorld {
  token: string;
  applicationId: string;
  botUser: FakeUser;
  url: () => string;
  heartbeatIntervalMs: number;
}

/**
 * The gateway half of the fake: HELLO, IDENTIFY (recorded; a wrong token closes with 4004),
 * READY with no guilds, heartbeat ACKs, RESUME, and dispatches pushed by the test.
 */
export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: Array<{ sessionId: string; at: number }> = [];
  heartbeats = 0;
  connections = 0;
  /**
   * Replaces the normal IDENTIFY answer when it returns true: close with 4014, drop the socket, or
   * leave it unanswered (`answerPendingIdentifies()` sends the READY later).
   */
  onIdentify: ((ws: WebSocket, identify: IdentifyRecord) => boolean) | null = null;
  /** Replaces the normal RESUME answer; return true when handled. */
  onResume: ((ws: WebSocket) => boolean) | null = null;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();
  private readonly known = new Map<string, number>();
  private readonly unanswered: Array<{ session: Session; record: IdentifyRecord }> = [];
  private waiters: Array<() => void> = [];

  constructor(private readonly world: GatewayWorld) {
    this.wss.on('connection', (ws) => this.accept(ws));
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (path !== '/gateway' && path !== '/gateway/') {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  /** Sends a dispatch to every identified session. Returns how many received it. */
  dispatch(t: string, d: unknown): number {
    let sent = 0;
    for (const s of this.sessions) {
      if (!s.identified || s.ws.readyState !== WebSocket.OPEN) continue;
      s.seq += 1;
      this.known.set(s.id, s.seq);
      s.ws.send(JSON.stringify({ op: Op.Dispatch, t, s: s.seq, d }));
      sent += 1;
    }
    return sent;
  }

  get ready(): boolean {
    return [...this.sessions].some((s) => s.identified && s.ws.readyState === WebSocket.OPEN);
  }

  /** Closes every session with a close code (e.g. 4004, 4014, 1000 or 1011). */
  closeAll(code: number, reason = ''): void {
    for (const s of this.sessions) s.ws.close(code, reason);
  }

  /** Asks every session to reconnect (op 7). */
  requestReconnect(): void {
    for (const s of this.sessions) s.ws.send(JSON.stringify({ op: Op.Reconnect, d: null }));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'gateway condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    for (const s of this.sessions) s.ws.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private accept(ws: WebSocket): void {
    this.connections += 1;
    const session: Session = { ws, id: randomUUID(), seq: 0, identified: false };
    this.sessions.add(session);
    ws.on('close', () => {
      this.sessions.delete(session);
      this.wake();
    });
    ws.on('message', (raw) => this.receive(session, raw.toString()));
    ws.send(JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: this.world.heartbeatIntervalMs }, s: null, t: null }));
    this.wake();
  }

  private receive(session: Session, raw: string): void {
    const payload = JSON.parse(raw) as { op: number; d: Record<string, unknown> | number | null };
    switch (payload.op) {
      case Op.Heartbeat:
        this.heartbeats += 1;
        session.ws.send(JSON.stringify({ op: Op.HeartbeatAck, d: null, s: null, t: null }));
        break;
      case Op.Identify:
        this.identify(session, payload.d as Record<string, unknown>);
        break;
      case Op.Resume:
        this.resume(session, payload.d as Record<string, unknown>);
        break;
      default:
        break;
    }
    this.wake();
  }

  private identify(session: Session, d: Record<string, unknown>): void {
    const record: IdentifyRecord = {
      token: String(d.token),
      intents: Number(d.intents),
      properties: d.properties as Record<string, string>,
      shard: d.shard as [number, number] | undefined,
      at: Date.now(),
    };
    this.identifies.push(record);
    if (this.onIdentify?.(session.ws, record)) {
      this.unanswered.push({ session, record });
      return;
    }
    this.answerIdentify(session, record);
  }

  /** Sends READY to every IDENTIFY that `onIdentify` left unanswered and whose socket is open. */
  answerPendingIdentifies(): void {
    for (const { session, record } of this.unanswered.splice(0)) {
      if (session.ws.readyState === WebSocket.OPEN) this.answerIdentify(session, record);
    }
  }

  private answerIdentify(session: Session, record: IdentifyRecord): void {
    if (record.token !== this.world.token) {
      session.ws.close(4004, 'Authentication failed.');
      return;
    }
    session.identified = true;
    session.seq += 1;
    this.known.set(session.id, session.seq);
    session.ws.send(
      JSON.stringify({
        op: Op.Dispatch,
        t: 'READY',
        s: session.seq,
        d: {
          v: 10,
          user: this.world.botUser,
          guilds: [],
          session_id: session.id,
          resume_gateway_url: this.world.url(),
          shard: record.shard ?? [0, 1],
          application: { id: this.world.applicationId, flags: 0 },
          user_settings: {},
          private_channels: [],
          relationships: [],
          presences: [],
          guild_join_requests: [],
          geo_ordered_rtc_regions: [],
        },
      }),
    );
  }

  private resume(session: Session, d: Record<string, unknown>): void {
    const sessionId = String(d.session_id);
    this.resumes.push({ sessionId, at: Date.now() });
    if (this.onResume?.(session.ws)) return;
    if (String(d.token) !== this.world.token || !this.known.has(sessionId)) {
      session.ws.send(JSON.stringify({ op: Op.InvalidSession, d: false, s: null, t: null }));
      return;
    }
    session.identified = true;
    session.id = sessionId;
    session.seq = this.known.get(sessionId) ?? 0;
    session.seq += 1;
    session.ws.send(JSON.stringify({ op: Op.Dispatch, t: 'RESUMED', s: session.seq, d: {} }));
  }
}
