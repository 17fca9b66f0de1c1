import { App, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { SlackEnv } from '../../src/config';
import type { Logger } from '../../src/ports';
import { boltLogger } from './logger-bridge';

export type SlackMode = 'socket' | 'http';

/** Where Slack sends events in HTTP mode (Event Subscriptions and Interactivity request URL). */
export const EVENTS_PATH = '/slack/events';

/**
 * The Web API client: Slack's defaults are no timeout and 10 retries over about 30 minutes,
 * which could post an answer half an hour late. Socket Mode's client shares these options,
 * so `apps.connections.open` follows SLACK_API_URL too.
 */
export function webClientOptions(config: SlackEnv): webApi.WebClientOptions {
  return {
    ...(config.SLACK_API_URL ? { slackApiUrl: `${config.SLACK_API_URL}/` } : {}),
    timeout: 10_000,
    retryConfig: { retries: 3 },
  };
}

export interface BoltParts {
  app: App;
  mode: SlackMode;
  /** Present in Socket Mode: its client reports connection state. */
  socket: SocketModeReceiver | null;
  http: HTTPReceiver | null;
}

/** Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP mode with the signing secret. */
export function buildBoltApp(config: SlackEnv, logger: Logger): BoltParts {
  const log = boltLogger(logger);
  const clientOptions = webClientOptions(config);
  const mode: SlackMode = config.SLACK_APP_TOKEN ? 'socket' : 'http';
  const socket =
    mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.SLACK_APP_TOKEN!,
          logger: log,
          installerOptions: { clientOptions },
        })
      : null;
  const http =
    mode === 'http'
      ? new HTTPReceiver({
          signingSecret: config.SLACK_SIGNING_SECRET ?? '',
          endpoints: EVENTS_PATH,
          // Answer Slack before the listener runs: a diagnosis can take 30 s, Slack waits 3.
          processBeforeResponse: false,
          logger: log,
        })
      : null;
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver: (socket ?? http)!,
    socketMode: mode === 'socket',
    logger: log,
    clientOptions,
    // auth.test runs in start(), so a bad token fails start() instead of the first event.
    deferInitialization: true,
    // Bolt's conversation store is unused and would grow per channel.
    convoStore: false,
  });
  return { app, mode, socket, http };
}
