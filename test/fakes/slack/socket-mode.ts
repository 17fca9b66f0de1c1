import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export interface AckRecord {
  envelopeId: string;
  payload: unknown;
  /** Milliseconds from sending the envelope to receiving its ack. */
  elapsedMs: number;
}

export interface EventOptions {
  eventId?: string;
  retryAttempt?: number;
  retryReason?: string;
  /**
   * Which open connection gets the envelope (index in `connections`); default the live (last)
   * one. Slack hands each event to one of an app's connections: several replicas each hold one.
   */
  connection?: number;
}

/**
 * Slack's Socket Mode server, as far as the client can tell: `hello` on connect, `events_api` and
 * `interactive` envelopes, acks by envelope id, and `disconnect` asking the client to reconnect.
 */
export class FakeSocketMode {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly acks: AckRecord[] = [];
  /** Sockets in connection order; the last one is the live connection. */
  readonly connections: WebSocket[] = [];
  private readonly pending = new Map<string, { sentAt: number; resolve: (a: AckRecord) => void }>();
  private readonly connectionWaiters: Array<{ n: number; resolve: () => void }> = [];

  constructor() {
    this.wss.on('connection', (ws) => {
      this.connections.push(ws);
      ws.on('message', (data) => this.onMessage(String(data)));
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake-socket-mode', approximate_connection_time: 18_060 },
          connection_info: { app_id: 'A0FAKE' },
        }),
      );
      for (const w of this.connectionWaiters.filter((w) => this.connections.length >= w.n)) w.resolve();
    });
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  /** Resolves once `n` connections have been opened in total (hello sent). */
  waitForConnection(n: number): Promise<void> {
    if (this.connections.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.connectionWaiters.push({ n, resolve }));
  }

  /** Sends an Events API envelope on the live connection; resolves with its ack. */
  sendEvent(event: Record<string, unknown>, options: EventOptions = {}): Promise<AckRecord> {
    const eventId = options.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
    return this.send({
      type: 'events_api',
      payload: {
        token: 'verification-token',
        team_id: 'T0FAKE',
        api_app_id: 'A0FAKE',
        event,
        type: 'event_callback',
        event_id: eventId,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: 'T0FAKE', user_id: 'UBOT', is_bot: true, enterprise_id: null }],
      },
      accepts_response_payload: false,
      retry_attempt: options.retryAttempt ?? 0,
      retry_reason: options.retryReason ?? '',
    }, options.connection);
  }

  /** Sends an `interactive` envelope (a button click, a shortcut); `connection` as for events. */
  sendInteractive(payload: Record<string, unknown>, options: Pick<EventOptions, 'connection'> = {}): Promise<AckRecord> {
    return this.send({ type: 'interactive', payload, accepts_response_payload: false }, options.connection);
  }

  /** Asks the client to reconnect, as Slack does before recycling a connection. */
  sendDisconnect(reason: 'warning' | 'refresh_requested' | 'too_many_websockets'): void {
    this.live().send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-socket-mode' } }));
  }

  async close(): Promise<void> {
    for (const ws of this.connections) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private send(frame: Record<string, unknown>, connection?: number): Promise<AckRecord> {
    const envelopeId = randomUUID();
    return new Promise((resolve) => {
      this.pending.set(envelopeId, { sentAt: performance.now(), resolve });
      this.live(connection).send(JSON.stringify({ ...frame, envelope_id: envelopeId }));
    });
  }

  private live(connection?: number): WebSocket {
    const ws = connection === undefined ? this.connections.at(-1) : this.connections[connection];
    if (!ws || ws.readyState !== ws.OPEN) throw new Error('fake socket mode: no open connection');
    return ws;
  }

  private onMessage(raw: string): void {
    const msg = JSON.parse(raw) as { envelope_id?: string; payload?: unknown };
    if (!msg.envelope_id) return;
    const waiting = this.pending.get(msg.envelope_id);
    if (!waiting) return;
    this.pending.delete(msg.envelope_id);
    const record = { envelopeId: msg.envelope_id, payload: msg.payload, elapsedMs: performance.now() - waiting.sentAt };
    this.acks.push(record);
    waiting.resolve(record);
  }
}
