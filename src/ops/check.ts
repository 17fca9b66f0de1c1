import { CATALOG_DIR, CatalogError, loadCatalog } from '../catalog';
import { type AppConfig, ConfigError, loadConfig, logLevel } from '../config';
import { countProblems } from '../config/problems';
import type { Env } from '../config/env';
import { loadModels, type ModelsData } from '../models';
import { loadNeighbourRows } from '../neighbours';

export interface CheckResult {
  ok: boolean;
  /** What `--check` prints: a summary when valid, every problem otherwise. Never a secret. */
  report: string;
}

/** Where Redis is, without the password a URL may carry. */
function redisPlace(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname.length > 1 ? u.pathname : ''}`;
}

/** One line per part of the bot, saying what will start. Values that are secrets are not shown. */
function summary(config: AppConfig, entries: number, models: ModelsData, neighbours: number): string[] {
  const { slack, discord, fallback, ops, state, diagnosis } = config;
  const chat = Boolean(slack || discord);
  return [
    `  slack: ${slack ? (slack.SLACK_APP_TOKEN ? 'Socket Mode' : `HTTP mode on PORT ${slack.PORT}`) : 'not configured'}`,
    `  discord: ${discord ? `application ${discord.DISCORD_APPLICATION_ID}${discord.DISCORD_GUILD_ID ? `, commands in server ${discord.DISCORD_GUILD_ID}` : ''}` : 'not configured'}`,
    ...watchLines(config),
    `  console: ${chat ? 'not used (a chat adapter is configured)' : 'starts (no chat adapter is configured)'}`,
    `  model fallback: ${fallback.ANTHROPIC_API_KEY ? `on (${fallback.ANTHROPIC_MODEL ?? `${models.fallbackModel}, the models data's default`})${fallback.ANTHROPIC_BASE_URL ? ` via ${fallback.ANTHROPIC_BASE_URL}` : ''}` : 'off (no ANTHROPIC_API_KEY)'}`,
    `  live model list: ${fallback.ANTHROPIC_API_KEY ? 'GET /v1/models with the same key, for ids newer than the models data (cached 1 h)' : 'off (no ANTHROPIC_API_KEY)'}`,
    `  logs: level ${logLevel(ops, chat ? 'chat' : 'terminal')}${ops.LOG_LEVEL ? '' : ` (default ${chat ? 'with a chat adapter' : 'in the console'}; set LOG_LEVEL to change it)`}, JSON lines on stderr`,
    `  health and metrics: ${chat ? `HEALTH_PORT ${ops.HEALTH_PORT} (/healthz, /metrics)` : 'off (only while a chat adapter runs)'}`,
    `  live status: ${ops.STATUS_URL === 'off' ? 'off' : ops.STATUS_URL}`,
    `  shared state: ${state.REDIS_URL ? `redis at ${redisPlace(state.REDIS_URL)} (dedupe, threads, quotas, caches, counters${discord ? `; Discord gateway lease ${state.DISCORD_LEASE_TTL_MS} ms` : ''})` : 'this process only (set REDIS_URL to run several replicas)'}`,
    `  review queue: ${state.REVIEW_QUEUE ? `on, ${state.REDIS_URL ? 'in redis' : `in ${state.DATA_DIR}/review-queue.json`}, at most ${state.REVIEW_MAX_GROUPS} groups for ${state.REVIEW_MAX_AGE_DAYS} days (npm run review)` : 'off (REVIEW_QUEUE=off)'}`,
    `  catalogue: ${entries} entries, ${models.current.length} current models (models data verified ${models.verified})`,
    `  second opinion: ${diagnosis.SECOND_OPINION ? `on, ${neighbours} labelled pastes (catalog/neighbours.jsonl): it may hedge or fill in an answer, never confidently` : 'off (SECOND_OPINION=on compares each paste with the labelled pastes)'}`,
  ];
}

/** Channel ids are not secrets; the operator checks the list against the channels they meant. */
function watchLines({ slack, discord, watch }: AppConfig): string[] {
  const slackIds = slack?.SLACK_WATCH_CHANNELS ?? [];
  const discordIds = discord?.DISCORD_WATCH_CHANNELS ?? [];
  if (slackIds.length === 0 && discordIds.length === 0) return ['  watched channels: none (SLACK_WATCH_CHANNELS / DISCORD_WATCH_CHANNELS unset)'];
  const lines = [`  watched channels: confident rules answers only, at most ${watch.WATCH_ANSWERS_PER_HOUR} per channel per hour`];
  if (slackIds.length > 0) lines.push(`    slack: ${slackIds.join(', ')} (invite the bot to each)`);
  if (discordIds.length > 0) {
    lines.push(
      `    discord: ${discordIds.join(', ')}`,
      '    note: a Discord watch list needs the privileged Message Content intent, which this check cannot see.',
      '          Turn it on under Developer Portal → your application → Bot → Privileged Gateway Intents →',
      '          Message Content Intent; without it Discord refuses the connection (close 4014).',
    );
  }
  return lines;
}

/**
 * `npm start -- --check`: validates every setting and the catalogue at once, as start-up would,
 * and reports all problems together instead of stopping at the first.
 */
export function checkSetup(env: NodeJS.ProcessEnv | Env, catalogDir: string = CATALOG_DIR): CheckResult {
  const problems: string[] = [];
  const attempt = <T>(load: () => T): T | null => {
    try {
      return load();
    } catch (error) {
      if (error instanceof ConfigError) problems.push(...error.problems.map((p) => `${p.variable} (${p.adapter}): ${p.message}`));
      else if (error instanceof CatalogError) problems.push(...error.problems.map((p) => `catalogue: ${p}`));
      else throw error;
      return null;
    }
  };
  const config = attempt(() => loadConfig(env));
  const entries = attempt(() => loadCatalog(catalogDir));
  const models = attempt(() => loadModels(catalogDir));
  // Checked whether or not SECOND_OPINION is on: it is shipped data like the catalogue.
  const neighbours = attempt(() => loadNeighbourRows(catalogDir, entries ?? undefined));
  if (!config || !entries || !models || !neighbours || problems.length > 0) {
    return { ok: false, report: `claude-error-doctor: ${countProblems(problems.length)}:\n${problems.map((p) => `  - ${p}`).join('\n')}` };
  }
  return { ok: true, report: ['claude-error-doctor: configuration OK', ...summary(config, entries.length, models, neighbours.length)].join('\n') };
}
