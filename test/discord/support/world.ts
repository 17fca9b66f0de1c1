import { createDiscordAdapter, type Clock, type DiscordAdapter, type DiscordMetrics, type DiscordTiming } from '../../../adapters/discord';
import type { DiscordEnv } from '../../../src/config';
import type { Doctor, Logger } from '../../../src/ports';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from '../../fakes/discord';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

/** A Logger that keeps every line, so tests can check what was (and was not) logged. */
export function recordingLogger(): Logger & { lines: LogLine[]; text(): string } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (obj: object, msg?: string) => {
    lines.push({ level, obj, msg });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), text: () => JSON.stringify(lines) };
}

export interface RecordedMetrics extends DiscordMetrics {
  events: string[];
  replies: string[];
  votes: Array<{ entry: string | null; vote: string }>;
  restarts: Array<{ reason: string; delayMs: number }>;
}

export function recordingMetrics(): RecordedMetrics {
  const m: RecordedMetrics = {
    events: [],
    replies: [],
    votes: [],
    restarts: [],
    eventReceived: (kind) => m.events.push(kind),
    replySent: (kind) => m.replies.push(kind),
    feedback: (entry, vote) => m.votes.push({ entry, vote }),
    restartScheduled: (reason, delayMs) => m.restarts.push({ reason, delayMs }),
  };
  return m;
}

/** A clock whose sleeps return at once and are recorded: the backoff schedule without the wait. */
export function instantClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  let now = 1_000_000;
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      await new Promise((r) => setImmediate(r));
    },
  };
}

export interface World {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  logger: ReturnType<typeof recordingLogger>;
  metrics: RecordedMetrics;
  env: DiscordEnv;
  close(): Promise<void>;
}

/** A fake Discord plus an adapter pointed at it; `start` is awaited unless `start: false`. */
export async function startWorld(options: {
  doctor: Doctor;
  timing?: Partial<DiscordTiming>;
  clock?: Clock;
  fake?: FakeDiscordOptions;
  env?: Partial<DiscordEnv>;
  start?: boolean;
  watchAnswersPerHour?: number;
}): Promise<World> {
  const fake = await startFakeDiscord(options.fake);
  const logger = recordingLogger();
  const metrics = recordingMetrics();
  const env: DiscordEnv = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, ...options.env };
  const adapter = createDiscordAdapter(env, options.doctor, {
    logger,
    metrics,
    timing: { drainMs: 200, ...options.timing },
    ...(options.watchAnswersPerHour !== undefined ? { watchAnswersPerHour: options.watchAnswersPerHour } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const world: World = {
    fake,
    adapter,
    logger,
    metrics,
    env,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
  if (options.start !== false) {
    try {
      await adapter.start();
    } catch (error) {
      await world.close();
      throw error;
    }
  }
  return world;
}
