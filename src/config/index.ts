import { cleanEnv, type Env } from './env';
import { ConfigError, type ConfigProblem, problemsFromZod } from './problems';
import {
  anySet,
  type DiagnosisEnv,
  DiagnosisEnvSchema,
  type LogLevel,
  DISCORD_VARS,
  type DiscordEnv,
  DiscordEnvSchema,
  type FallbackEnv,
  FallbackEnvSchema,
  type OcrEnv,
  OcrEnvSchema,
  type OpsEnv,
  OpsEnvSchema,
  SLACK_VARS,
  type SlackEnv,
  SlackEnvSchema,
  type StateEnv,
  StateEnvSchema,
  type WatchEnv,
  WatchEnvSchema,
} from './sections';

export { ConfigError, type ConfigProblem } from './problems';
export { LOG_LEVELS, type LogLevel, WATCH_ANSWERS_PER_HOUR_DEFAULT } from './sections';
export type { DiagnosisEnv, DiscordEnv, FallbackEnv, OcrEnv, OpsEnv, SlackEnv, StateEnv, WatchEnv } from './sections';

/** The settings the offline CLI uses: every section but the chat adapters'. */
export const loadOfflineConfig = (): AppConfig => loadConfig(process.env, { chat: false });

/**
 * The log level in force: LOG_LEVEL when set; otherwise `info` where logs are the only output (chat
 * adapters) and `warn` in a terminal (the console, the CLI), where stdout is the answer.
 */
export function logLevel(ops: OpsEnv, where: 'chat' | 'terminal'): LogLevel {
  return ops.LOG_LEVEL ?? (where === 'chat' ? 'info' : 'warn');
}

/** The whole bot's settings, validated once at start-up. Absent adapters are `null`. */
export interface AppConfig {
  slack: SlackEnv | null;
  discord: DiscordEnv | null;
  fallback: FallbackEnv;
  ocr: OcrEnv;
  ops: OpsEnv;
  /** Shared state (REDIS_URL) and the review queue. */
  state: StateEnv;
  /** Watched help channels: the per-channel answer limit (the channel lists are the adapters'). */
  watch: WatchEnv;
  /** How pastes are diagnosed beyond the rules (SECOND_OPINION). */
  diagnosis: DiagnosisEnv;
}

/**
 * Reads settings from an env object (process.env in production). Every problem is collected and
 * reported together, each naming the variable and the adapter that needs it.
 * This module and `src/main.ts` are the only places that read `process.env`.
 */
export function loadConfig(source: NodeJS.ProcessEnv | Env = process.env, options: { chat?: boolean } = {}): AppConfig {
  const env = cleanEnv(source);
  // The offline CLI needs no chat settings: a half-filled Slack section must not stop it.
  const chat = options.chat ?? true;
  const problems: ConfigProblem[] = [];
  const section = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, adapter: string): T | null => {
    const parsed = schema.safeParse(env);
    if (parsed.success) return parsed.data;
    problems.push(...problemsFromZod(parsed.error, adapter));
    return null;
  };

  const slack = chat && anySet(env, SLACK_VARS) ? section(SlackEnvSchema, 'slack') : null;
  const discord = chat && anySet(env, DISCORD_VARS) ? section(DiscordEnvSchema, 'discord') : null;
  const fallback = section(FallbackEnvSchema, 'model fallback');
  const ocr = section(OcrEnvSchema, 'screenshots (OCR)');
  const ops = section(OpsEnvSchema, 'operations');
  const state = section(StateEnvSchema, 'shared state and review queue');
  const watch = section(WatchEnvSchema, 'watched channels');
  const diagnosis = section(DiagnosisEnvSchema, 'diagnosis');

  if (problems.length > 0 || !fallback || !ocr || !ops || !state || !watch || !diagnosis) throw new ConfigError(problems);
  return { slack, discord, fallback, ocr, ops, state, watch, diagnosis };
}
