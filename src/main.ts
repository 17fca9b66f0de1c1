/**
 * `npm start`: the composition root. Starts every adapter whose settings are present; with none,
 * the local console. Reads the environment (and .env) once, here and in src/config only.
 */
import 'dotenv/config';
import { constants } from 'node:os';
import { createConsoleAdapter } from '../adapters/console';
import { createDiscordAdapter } from '../adapters/discord';
import { createSlackAdapter } from '../adapters/slack';
import { CatalogError } from './catalog';
import { parseStartArgs } from './cli/start-args';
import { type AppDoctor, createAppDoctor } from './compose';
import { type AppConfig, ConfigError, loadConfig, logLevel } from './config';
import { checkSetup } from './ops/check';
import { HealthPortError } from './ops/health-server';
import { createOps, type Ops } from './ops/ops';
import type { SharedStore } from './ports';
import { redactSecrets } from './redact';
import { createReviewQueue } from './review';
import { openStore } from './store';
import { type ChatAdapter, serveChat } from './ops/service';
import { onShutdownSignals, REPLY_DRAIN_MS, shutdown } from './ops/shutdown';

const HELP = `Usage: npm start [-- --check | --help]

Starts claude-error-doctor.
  - Slack starts when SLACK_BOT_TOKEN is set (Socket Mode with SLACK_APP_TOKEN, else HTTP mode with
    SLACK_SIGNING_SECRET on PORT).
  - Discord starts when DISCORD_TOKEN and DISCORD_APPLICATION_ID are set.
  - With neither, the local console starts: paste an error (a paste is kept whole, blank lines
    included) and press Enter; while typing, Enter on an empty line or Ctrl-D sends; Ctrl-C quits.
    With piped input (npm start < error.txt) it answers once and exits.
  - SLACK_WATCH_CHANNELS / DISCORD_WATCH_CHANNELS (optional) list help channels where new messages
    get an answer when the rules are confident (Discord: needs the Message Content intent).
  - While a chat adapter runs, GET /healthz and GET /metrics are served on HEALTH_PORT (8080).
  - REDIS_URL shares dedupe, threads, quotas and caches between replicas (several can run at once;
    on Discord one holds the gateway, the others stand by). Without it everything stays in this
    process. Unanswered and 👎 pastes go, redacted, to the review queue (npm run review;
    REVIEW_QUEUE=off turns it off).
Settings come from the environment or a .env file; see .env.example. Logs are JSON lines on stderr.
SIGTERM or SIGINT stops taking new questions, lets answers in flight finish (up to 10 s), and exits 0.

  --check   validate every setting and the catalogue, print what would start, and exit
            (0 when valid; otherwise 1, with every problem listed, naming the variable and the
            adapter that needs it).
  --help    this text.`;

/** A second Ctrl-C (or SIGTERM) during the shutdown: leave now, with the conventional code. */
const forceExit = (signal: NodeJS.Signals) => process.exit(128 + (constants.signals[signal] ?? 15));

function chatAdapters(config: AppConfig, doctor: AppDoctor, ops: Ops, store: SharedStore): ChatAdapter[] {
  const adapters: ChatAdapter[] = [];
  if (config.slack) {
    adapters.push(
      createSlackAdapter(config.slack, doctor, {
        logger: ops.logger,
        metrics: ops.metrics.adapter('slack'),
        store,
        drainTimeoutMs: REPLY_DRAIN_MS,
        watchAnswersPerHour: config.watch.WATCH_ANSWERS_PER_HOUR,
      }),
    );
  }
  if (config.discord) {
    // With Redis, replicas share one gateway session under a lease; alone, this process holds it.
    const lease = config.state.REDIS_URL ? { ttlMs: config.state.DISCORD_LEASE_TTL_MS } : undefined;
    adapters.push(
      createDiscordAdapter(config.discord, doctor, {
        logger: ops.logger,
        metrics: ops.metrics.adapter('discord'),
        store,
        lease,
        timing: { drainMs: REPLY_DRAIN_MS },
        watchAnswersPerHour: config.watch.WATCH_ANSWERS_PER_HOUR,
      }),
    );
  }
  return adapters;
}

/** The console: no health server; a signal stops it the same clean way. */
async function runConsole(doctor: AppDoctor, ops: Ops, store: SharedStore): Promise<number> {
  const console = createConsoleAdapter(doctor, {
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    // Rendered for a terminal on a TTY (colour unless NO_COLOR is set, https://no-color.org); the
    // markdown as is when stdout is a pipe or a file.
    format: process.stdout.isTTY ? { kind: 'terminal', color: !process.env.NO_COLOR } : { kind: 'markdown' },
    replies: ops.inFlight,
  });
  const closers = [
    { name: 'doctor', close: () => doctor.close() },
    { name: 'shared store', close: () => store.close() },
  ];
  const stopAll = (reason: string) => shutdown({ adapters: [console], inFlight: ops.inFlight, closers, logger: ops.logger }, reason);
  let stopping: ReturnType<typeof stopAll> | null = null;
  const removeHandlers = onShutdownSignals(process, (s) => void (stopping = stopAll(s)), forceExit);
  await console.start();
  ops.logger.info({ interactive: Boolean(process.stdin.isTTY) }, 'console started');
  await console.finished;
  await (stopping ?? Promise.all(closers.map((c) => c.close())));
  removeHandlers();
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const args = parseStartArgs(argv);
  if ('problem' in args) {
    process.stderr.write(`claude-error-doctor: ${args.problem}\n\n${HELP}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (args.check) {
    const { ok, report } = checkSetup(process.env);
    (ok ? process.stdout : process.stderr).write(`${report}\n`);
    return ok ? 0 : 1;
  }
  const config = loadConfig();
  const chat = Boolean(config.slack || config.discord);
  // In the console the terminal shows answers; logs below warn appear only when asked for.
  const ops = createOps(config.ops, { level: logLevel(config.ops, chat ? 'chat' : 'terminal') });
  // Node would print these raw to stderr; through the logger they are JSON and masked.
  process.on('uncaughtException', (error) => {
    ops.logger.fatal({ err: error }, 'uncaught exception; exiting');
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    ops.logger.fatal({ err: reason }, 'unhandled promise rejection; exiting');
    process.exit(1);
  });
  // Redis when REDIS_URL is set (never fatal: the process stands in while it is unreachable).
  const { store, redis } = await openStore(config.state, ops.logger);
  const review = createReviewQueue(config.state, { store, redis, logger: ops.logger }) ?? undefined;
  const doctor = await createAppDoctor(config, {
    logger: ops.logger,
    observer: ops.metrics.observer,
    fallbackMetrics: ops.metrics.fallback,
    statusSource: ops.statusSource,
    store,
    review,
    offloadAnalysis: chat,
  });
  ops.metrics.knownEntries(doctor.catalog.map((e) => e.id));
  if (!chat) return runConsole(doctor, ops, store);
  return serveChat({
    adapters: chatAdapters(config, doctor, ops, store),
    doctor,
    store: redis ? store : undefined,
    ops,
    healthPort: config.ops.HEALTH_PORT,
    signals: process,
    onForce: forceExit,
    // Under pm2 with `wait_ready: true`, the process counts as online only from here.
    onReady: () => process.send?.('ready'),
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Everything was stopped or cut within the grace period; a socket an SDK forgot must not
    // keep the process alive past it.
    setTimeout(() => process.exit(code), 250).unref();
  },
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof CatalogError || error instanceof HealthPortError;
    const text = known ? (error as Error).message : ((error as Error).stack ?? String(error));
    // Before the logger exists nothing else masks it, and a start-up error may quote a setting.
    process.stderr.write(`claude-error-doctor: ${redactSecrets(text).text}\n`);
    process.exitCode = 1;
  },
);
