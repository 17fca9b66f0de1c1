import { createSlackAdapter, type SlackAdapter, type SlackAdapterDeps, type SlackMetrics } from '../../../adapters/slack';
import type { SlackEnv } from '../../../src/config';
import type { Logger } from '../../../src/ports';
import { APP_TOKEN, BOT_TOKEN, FakeSlack } from '../../fakes/slack/fake-slack';
import { TestDoctor } from './test-doctor';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

/** A Logger that keeps every line, so tests can check what was (and was not) logged. */
export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (obj: object, msg?: string) => void entries.push({ level, obj, msg });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Metrics hooks that count calls. */
export function recordingMetrics() {
  const events: string[] = [];
  const replies: string[] = [];
  const failures: string[] = [];
  const votes: Array<{ vote: string; entry: string | null }> = [];
  const metrics: SlackMetrics = {
    eventReceived: (o) => void events.push(o),
    replySent: (k) => void replies.push(k),
    replyFailed: (k) => void failures.push(k),
    feedbackVote: (vote, entry) => void votes.push({ vote, entry }),
  };
  return { metrics, events, replies, failures, votes };
}

export interface Bot {
  fake: FakeSlack;
  adapter: SlackAdapter;
  doctor: TestDoctor;
  logger: ReturnType<typeof recordingLogger>;
  recorded: ReturnType<typeof recordingMetrics>;
  /** HTTP mode: the Events URL. */
  eventsUrl: string;
  close(): Promise<void>;
}

/** Extra settings and adapter options for one test (watched channels, a shorter working delay). */
export interface BotOptions {
  config?: Partial<SlackEnv>;
  deps?: Pick<SlackAdapterDeps, 'watchAnswersPerHour' | 'workingAfterMs'>;
}

/** A real Bolt app in Socket Mode or HTTP mode, talking only to a fresh fake Slack, with the real core. */
export async function startBot(mode: 'socket' | 'http', doctor: TestDoctor = new TestDoctor(), options: BotOptions = {}): Promise<Bot> {
  const fake = await FakeSlack.start();
  const logger = recordingLogger();
  const recorded = recordingMetrics();
  const config: SlackEnv = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    // Port 0: the OS picks a free port; the adapter reports it.
    PORT: 0,
    ...(mode === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    ...options.config,
  };
  const adapter = createSlackAdapter(config, doctor, { logger, metrics: recorded.metrics, drainTimeoutMs: 200, ...options.deps });
  await adapter.start();
  const eventsUrl = mode === 'http' ? `http://127.0.0.1:${adapter.httpPort()}/slack/events` : '';
  return {
    fake,
    adapter,
    doctor,
    logger,
    recorded,
    eventsUrl,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

/** Block texts and the fallback text of a recorded chat.* call, as one string. */
export function messageText(params: Record<string, unknown>): string {
  const blocks = (params.blocks ?? []) as Array<{ text?: { text?: string }; elements?: Array<{ text?: unknown }> }>;
  const parts = [String(params.text ?? '')];
  for (const b of blocks) {
    if (b.text?.text) parts.push(b.text.text);
    for (const e of b.elements ?? []) parts.push(typeof e.text === 'string' ? e.text : JSON.stringify(e));
  }
  return parts.join('\n');
}
