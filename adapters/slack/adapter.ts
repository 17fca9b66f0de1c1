import type { AddressInfo } from 'node:net';
import type { App, webApi } from '@slack/bolt';
import { z } from 'zod';
import { type SlackEnv, WATCH_ANSWERS_PER_HOUR_DEFAULT } from '../../src/config';
import { describeNetworkFailure, hostOf, networkFailure } from '../../src/net';
import type { Doctor, Logger, SharedStore } from '../../src/ports';
import { AnswerMemory, ConversationMemory, MemoryStore } from '../../src/store';
import type { Adapter } from '../port';
import { type BoltParts, buildBoltApp, type SlackMode } from './bolt-app';
import { handleMessage, type ConversationDeps } from './conversation';
import { SlackAdapterError } from './errors';
import { registerFeedback } from './feedback';
import { registerMoreDetail } from './more-detail';
import { classifyEvent } from './inbound';
import { Jobs } from './jobs';
import type { SlackMetrics } from './metrics';
import { registerShortcuts } from './shortcut';
import { DEDUPE_TTL_MS } from './store';
import { SlackWatch } from './watch';

export type SlackAdapterState = 'starting' | 'up' | 'reconnecting' | 'down';

export interface SlackAdapterDeps {
  logger: Logger;
  metrics?: SlackMetrics;
  /** Used for file downloads (screenshots, snippets). Defaults to the global fetch. */
  fetch?: typeof fetch;
  /**
   * Dedupe and thread memory. Shared by every replica on Redis, so each event is answered once and
   * a follow-up is answered by whichever replica gets it. Default: this process's memory.
   */
  store?: SharedStore;
  /** How long `stop()` lets answers in flight finish. Default 30 s. */
  drainTimeoutMs?: number;
  /** Unasked answers per watched channel in any hour (WATCH_ANSWERS_PER_HOUR). Default 20. */
  watchAnswersPerHour?: number;
  /** An answer slower than this first shows a placeholder. Default WORKING_AFTER_MS (2 s). */
  workingAfterMs?: number;
}

export interface SlackAdapter extends Adapter {
  readonly name: 'slack';
  readonly mode: SlackMode;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** For /healthz: `up` once connected (Socket Mode) or listening (HTTP mode). */
  state(): SlackAdapterState;
  /** The HTTP port actually bound (HTTP mode, after start), else null. */
  httpPort(): number | null;
}

/** Answers are remembered per thread for follow-ups ("I'm on Node") for half a day. */
const ANSWERED_TTL_MS = 12 * 3_600_000;

const EventEnvelopeSchema = z.object({ event_id: z.string().optional() });

/**
 * The Slack adapter: a thin translator between Bolt and the Doctor. Events are acknowledged by
 * Bolt before any listener runs; the diagnosis runs afterwards as a tracked background job.
 */
export function createSlackAdapter(config: SlackEnv, doctor: Doctor, deps: SlackAdapterDeps): SlackAdapter {
  const logger = deps.logger;
  const metrics = deps.metrics ?? {};
  const store = deps.store ?? new MemoryStore();
  const parts = buildBoltApp(config, logger);
  const jobs = new Jobs(logger);
  let state: SlackAdapterState = 'down';
  let stopping = false;
  let port: number | null = null;

  const conversation: ConversationDeps = {
    doctor,
    store,
    answered: new ConversationMemory(store, { namespace: 'slack', ttlMs: ANSWERED_TTL_MS }),
    answers: new AnswerMemory(store, { namespace: 'slack-answer', ttlMs: ANSWERED_TTL_MS }),
    download: { botToken: config.SLACK_BOT_TOKEN, apiUrl: config.SLACK_API_URL, fetch: deps.fetch ?? globalThis.fetch },
    logger,
    metrics,
    ...(deps.workingAfterMs !== undefined ? { workingAfterMs: deps.workingAfterMs } : {}),
  };
  const watch = config.SLACK_WATCH_CHANNELS?.length ? new SlackWatch(config.SLACK_WATCH_CHANNELS, deps.watchAnswersPerHour ?? WATCH_ANSWERS_PER_HOUR_DEFAULT, conversation) : null;

  const onEvent = async (event: unknown, body: unknown, context: { botUserId?: string; retryNum?: number }, client: webApi.WebClient) => {
    const eventId = EventEnvelopeSchema.safeParse(body).data?.event_id;
    // Slack redelivers an event it thinks we missed (X-Slack-Retry-Num / retry_attempt).
    if (eventId && !(await store.claim(`slack:event:${eventId}`, DEDUPE_TTL_MS))) {
      metrics.eventReceived?.('duplicate');
      logger.debug({ eventId, retryNum: context.retryNum }, 'slack duplicate delivery ignored');
      return;
    }
    const classified = classifyEvent(event, context.botUserId);
    if (classified.kind !== 'message') {
      metrics.eventReceived?.(classified.kind === 'bot' ? 'bot' : 'ignored');
      return;
    }
    const { botUserId } = context;
    if (watch && (await watch.owns(classified.message))) {
      jobs.run('watch', () => watch.handle(classified.message, client, botUserId));
      return;
    }
    jobs.run('answer', () => handleMessage(classified.message, client, botUserId, conversation));
  };
  parts.app.event('app_mention', async ({ event, body, context, client }) => onEvent(event, body, context, client));
  parts.app.event('message', async ({ event, body, context, client }) => onEvent(event, body, context, client));
  registerFeedback(parts.app, { store, doctor, logger, metrics });
  registerMoreDetail(parts.app, { answers: conversation.answers, store, logger, metrics });
  registerShortcuts(parts.app, { ...conversation, run: (name, work) => jobs.run(name, work) });
  parts.app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'slack listener error');
  });
  watchSocketState(parts, (next) => {
    state = stopping ? 'down' : next;
  });

  return {
    name: 'slack',
    mode: parts.mode,
    state: () => state,
    httpPort: () => port,
    async start() {
      stopping = false;
      state = 'starting';
      try {
        await parts.app.init();
      } catch (cause) {
        state = 'down';
        // No answer at all is not a rejected token: say which host could not be reached, and how.
        const offline = unreachable(cause, config);
        if (offline) throw new SlackAdapterError('connect_failed', offline, { cause });
        throw new SlackAdapterError('auth_failed', `Slack rejected SLACK_BOT_TOKEN (auth.test): ${describe(cause)}`, { cause });
      }
      try {
        port = await listen(parts.app, parts, config.PORT);
      } catch (cause) {
        state = 'down';
        const code = parts.mode === 'socket' ? 'connect_failed' : 'listen_failed';
        throw new SlackAdapterError(code, unreachable(cause, config) ?? `Slack ${parts.mode} mode could not start: ${describe(cause)}`, { cause });
      }
      state = 'up';
      logger.info({ mode: parts.mode, port }, 'slack adapter up');
    },
    async stop() {
      if (state === 'down' && !stopping) return;
      stopping = true;
      state = 'down';
      if (parts.socket) await parts.socket.client.disconnect();
      else if (parts.http && port !== null) await parts.app.stop();
      port = null;
      await jobs.drain(deps.drainTimeoutMs ?? 30_000);
      logger.info({ mode: parts.mode }, 'slack adapter stopped');
    },
  };
}

async function listen(app: App, parts: BoltParts, configuredPort: number): Promise<number | null> {
  if (parts.mode === 'socket') {
    await app.start();
    return null;
  }
  const server = await app.start(configuredPort);
  return (server.address() as AddressInfo).port;
}

/** Socket Mode reports its connection; HTTP mode is up while it listens. */
function watchSocketState(parts: BoltParts, set: (s: SlackAdapterState) => void): void {
  const client = parts.socket?.client;
  if (!client) return;
  client.on('connected', () => set('up'));
  // `close` fires when the WebSocket goes away; the client reconnects on its own.
  client.on('close', () => set('reconnecting'));
  client.on('reconnecting', () => set('reconnecting'));
}

/** "Slack: could not reach slack.com (DNS: …)", or null when Slack did answer. */
function unreachable(error: unknown, config: SlackEnv): string | null {
  const failure = networkFailure(error);
  if (!failure) return null;
  const setting = config.SLACK_API_URL ? 'SLACK_API_URL' : 'a proxy or firewall';
  return `Slack: ${describeNetworkFailure(failure, hostOf(config.SLACK_API_URL, 'slack.com'))}. Check the network and ${setting}; the token was not checked.`;
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'data' in error) {
    const data = (error as { data?: { error?: unknown } }).data;
    if (typeof data?.error === 'string') return data.error;
  }
  return error instanceof Error ? error.message : String(error);
}
