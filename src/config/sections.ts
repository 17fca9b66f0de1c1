import { z } from 'zod';
import { boolSetting, type Env, idListSetting, intSetting, urlSetting, wholeNumber } from './env';

/** Slack: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP mode with the signing secret. */
export const SlackEnvSchema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string({ error: 'is required for Slack: the Bot User OAuth Token (xoxb-…) from OAuth & Permissions' })
      .startsWith('xoxb-', 'must be a bot token (xoxb-...)'),
    SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token (xapp-...)').optional(),
    SLACK_SIGNING_SECRET: z.string().optional(),
    SLACK_API_URL: urlSetting.optional(),
    PORT: intSetting(3000),
    /** Channels whose new top-level messages get a rules answer when one is confident. */
    SLACK_WATCH_CHANNELS: idListSetting(
      /^[CG][A-Z0-9]{6,}$/,
      'must list channel ids separated by commas, such as C0123ABCDEF (channel name → About → Channel ID at the bottom)',
    ),
  })
  .superRefine((v, ctx) => {
    if (!v.SLACK_APP_TOKEN && !v.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message: 'set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)',
      });
    }
  });
export type SlackEnv = z.output<typeof SlackEnvSchema>;
export const SLACK_VARS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL', 'SLACK_WATCH_CHANNELS'] as const;

/** A required Discord setting whose "missing" message says where to find the value. */
const requiredDiscord = (where: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `is required: ${where}` : 'must be a string') });

/**
 * Discord: bot token + application id; optional guild for instant command updates (not in DMs);
 * DISCORD_API_URL overrides the REST base (e.g. https://discord.com/api) for proxies and tests,
 * and the gateway address is then read from that API.
 */
export const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: requiredDiscord('the token from Developer Portal → your application → Bot').min(20, 'looks too short for a bot token'),
  DISCORD_APPLICATION_ID: requiredDiscord('the Application ID from Developer Portal → your application → General Information').regex(
    /^\d{15,22}$/,
    'must be the numeric application id',
  ),
  DISCORD_GUILD_ID: z.string().regex(/^\d{15,22}$/, 'must be a numeric server id').optional(),
  DISCORD_API_URL: urlSetting.optional(),
  /** Server channels whose new messages get a rules answer when one is confident (needs Message Content). */
  DISCORD_WATCH_CHANNELS: idListSetting(
    /^\d{15,22}$/,
    'must list channel ids (numbers) separated by commas; with Developer Mode on, right-click the channel → Copy Channel ID',
  ),
});
export type DiscordEnv = z.output<typeof DiscordEnvSchema>;
export const DISCORD_VARS = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'DISCORD_WATCH_CHANNELS'] as const;

/**
 * Model fallback: off without ANTHROPIC_API_KEY. Deadline and per-attempt timeout bound one call in
 * wall time (the per-attempt timeout is also cut to whatever the deadline has left).
 */
export const FallbackEnvSchema = z.object({
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_MODEL: z.string().optional(),
  // The SDK appends /v1/messages itself, so a base URL ending in /v1 would call /v1/v1/messages.
  ANTHROPIC_BASE_URL: urlSetting
    .refine((u) => !/\/v1$/.test(u), 'drop the trailing /v1: the SDK adds /v1/messages itself')
    .optional(),
  FALLBACK_DEADLINE_MS: intSetting(30_000),
  FALLBACK_ATTEMPT_TIMEOUT_MS: intSetting(20_000),
  FALLBACK_MAX_CONCURRENCY: intSetting(4),
  FALLBACK_USER_PER_MINUTE: intSetting(5),
  FALLBACK_CACHE_TTL_SECONDS: intSetting(3600),
});
export type FallbackEnv = z.output<typeof FallbackEnvSchema>;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Operations: logs, health/metrics port, live status page. */
export const OpsEnvSchema = z.object({
  // Unset: `info` for chat adapters, `warn` in the console and the CLI (see logLevel in ./index).
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  // 0 picks a free port (tests, several bots on one host); the bound port is logged.
  HEALTH_PORT: wholeNumber(8080, 0, 65_535),
  // "off" for networks that cannot reach the status page, so no reply waits on it.
  STATUS_URL: z
    .string()
    .refine((v) => v === 'off' || (URL.canParse(v) && /^https?:\/\//.test(v)), 'must be the http(s) URL of a Statuspage summary.json, or "off"')
    .default('https://status.claude.com/api/v2/summary.json'),
});
export type OpsEnv = z.output<typeof OpsEnvSchema>;

/**
 * State shared by replicas, and the review queue. Without REDIS_URL everything stays in the
 * process and the review queue goes to a file under DATA_DIR.
 */
export const StateEnvSchema = z.object({
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\/./.test(v) && URL.canParse(v), 'must be a redis:// or rediss:// URL, e.g. redis://redis:6379')
    .optional(),
  DATA_DIR: z.string().default('.data'),
  REVIEW_QUEUE: boolSetting(true),
  REVIEW_MAX_GROUPS: intSetting(500),
  REVIEW_MAX_AGE_DAYS: intSetting(30),
  // With REDIS_URL, one Discord replica holds the gateway under a lease this long; a standby takes over
  // within about 1⅓ × this after the holder dies. Shorter only for tests.
  DISCORD_LEASE_TTL_MS: z.coerce.number().int().min(1_000, 'must be at least 1000 (ms)').max(20_000, 'must be at most 20000 (ms), so a standby takes over within 30 s').default(15_000),
});
export type StateEnv = z.output<typeof StateEnvSchema>;

/** True when any of the variables is set: the user meant to configure that adapter. */
export const anySet = (env: Env, vars: readonly string[]) => vars.some((v) => env[v] !== undefined);

/** Screenshots (src/ocr): on by default; language data ships in an npm package, nothing is downloaded. */
export const OcrEnvSchema = z.object({
  OCR_ENABLED: boolSetting(true),
  OCR_TIMEOUT_MS: intSetting(20_000),
  OCR_MAX_WAITING: wholeNumber(8, 0),
});
export type OcrEnv = z.output<typeof OcrEnvSchema>;

/**
 * Watched help channels (SLACK_WATCH_CHANNELS, DISCORD_WATCH_CHANNELS) answer without being asked,
 * so each channel gets at most this many answers in any hour; the rest of that hour stays silent.
 */
const PER_HOUR = 'must be a whole number of answers per channel per hour, 1 or more';
export const WATCH_ANSWERS_PER_HOUR_DEFAULT = 20;
export const WatchEnvSchema = z.object({
  WATCH_ANSWERS_PER_HOUR: z.coerce.number({ error: PER_HOUR }).int(PER_HOUR).positive(PER_HOUR).default(WATCH_ANSWERS_PER_HOUR_DEFAULT),
});
export type WatchEnv = z.output<typeof WatchEnvSchema>;

/**
 * Diagnosis: the second opinion from labelled real pastes (src/neighbours). Off by default: the
 * leave-one-set-out measure did not show it raising category accuracy (README, "Figures").
 */
export const DiagnosisEnvSchema = z.object({
  SECOND_OPINION: boolSetting(false),
});
export type DiagnosisEnv = z.output<typeof DiagnosisEnvSchema>;
