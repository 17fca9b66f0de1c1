import { z } from 'zod';
import { boolSetting, type Env, intSetting, urlSetting } from './env';

/** Slack: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP mode with the signing secret. */
export const SlackEnvSchema = z
  .object({
    SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token (xoxb-...)'),
    SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token (xapp-...)').optional(),
    SLACK_SIGNING_SECRET: z.string().optional(),
    SLACK_API_URL: urlSetting.optional(),
    PORT: intSetting(3000),
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
export const SLACK_VARS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL'] as const;

/** Discord: bot token + application id; optional guild for instant command updates. */
export const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: z.string().min(20, 'looks too short for a bot token'),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{15,22}$/, 'must be the numeric application id'),
  DISCORD_GUILD_ID: z.string().regex(/^\d{15,22}$/, 'must be a numeric server id').optional(),
  DISCORD_API_URL: urlSetting.optional(),
});
export type DiscordEnv = z.output<typeof DiscordEnvSchema>;
export const DISCORD_VARS = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL'] as const;

/** Model fallback: off without ANTHROPIC_API_KEY. */
export const FallbackEnvSchema = z.object({
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_MODEL: z.string().optional(),
  ANTHROPIC_BASE_URL: urlSetting.optional(),
  FALLBACK_DEADLINE_MS: intSetting(30_000),
  FALLBACK_ATTEMPT_TIMEOUT_MS: intSetting(20_000),
  FALLBACK_MAX_CONCURRENCY: intSetting(4),
  FALLBACK_USER_PER_MINUTE: intSetting(5),
  FALLBACK_CACHE_TTL_SECONDS: intSetting(3600),
});
export type FallbackEnv = z.output<typeof FallbackEnvSchema>;

/** Operations: logs, health/metrics port, live status page. */
export const OpsEnvSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HEALTH_PORT: intSetting(8080),
  STATUS_URL: urlSetting.default('https://status.claude.com/api/v2/summary.json'),
});
export type OpsEnv = z.output<typeof OpsEnvSchema>;

/** True when any of the variables is set: the user meant to configure that adapter. */
export const anySet = (env: Env, vars: readonly string[]) => vars.some((v) => env[v] !== undefined);

/** Screenshots (src/ocr): on by default; language data ships in an npm package, nothing is downloaded. */
export const OcrEnvSchema = z.object({
  OCR_ENABLED: boolSetting(true),
  OCR_TIMEOUT_MS: intSetting(20_000),
  OCR_MAX_WAITING: z.coerce.number().int().min(0).default(8),
});
export type OcrEnv = z.output<typeof OcrEnvSchema>;
