import { DiscordAPIError, HTTPError } from 'discord.js';

/** Discord JSON error codes the adapter reacts to (API reference, "JSON Error Codes"). */
export const UNKNOWN_INTERACTION = 10062;
export const ALREADY_ACKNOWLEDGED = 40060;
export const UNKNOWN_WEBHOOK = 10015;

/** Gateway close codes that no restart can fix (API reference, "Gateway Close Event Codes"). */
export const CLOSE_AUTHENTICATION_FAILED = 4004;
export const CLOSE_INVALID_INTENTS = 4013;
export const CLOSE_DISALLOWED_INTENTS = 4014;

/**
 * A setting problem that restarting cannot fix. The message names the variable and the way out,
 * because it ends up in front of whoever deploys the bot.
 */
export class DiscordSetupError extends Error {
  override readonly name = 'DiscordSetupError';
  constructor(
    readonly code: 'bad_token' | 'intents' | 'application_id',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const badTokenError = (how: string, cause?: unknown) =>
  new DiscordSetupError(
    'bad_token',
    `Discord rejected DISCORD_TOKEN (${how}). Open the Developer Portal → your application → Bot, ` +
      'press "Reset Token", put the new token in DISCORD_TOKEN and restart. The bot will not retry with this token.',
    { cause },
  );

export const intentsError = (code: number) =>
  new DiscordSetupError(
    'intents',
    `Discord refused the gateway intents (close ${code}). Without DISCORD_WATCH_CHANNELS this bot asks only for ` +
      'Guilds and DirectMessages, which need no approval; check that DISCORD_TOKEN belongs to a bot user. With ' +
      'DISCORD_WATCH_CHANNELS it also asks for the privileged Message Content intent: turn on Developer Portal → ' +
      'your application → Bot → Privileged Gateway Intents → Message Content Intent, or unset DISCORD_WATCH_CHANNELS.',
  );

/** The JSON error code of a failed Discord REST call, if it was one. */
export function discordCode(error: unknown): number | undefined {
  return error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined;
}

export function httpStatus(error: unknown): number | undefined {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) return error.status;
  return undefined;
}

/**
 * An error reduced to what is safe to log. Discord errors carry the request URL, which holds the
 * interaction token, and the request body, which holds the answer: neither goes to the logs.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return { name: 'DiscordAPIError', code: error.code, status: error.status, method: error.method, message: error.message };
  }
  if (error instanceof HTTPError) return { name: 'HTTPError', status: error.status, method: error.method };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(code !== undefined ? { code } : {}) };
  }
  return { name: typeof error, message: String(error) };
}

/** One line for logs and operator messages, from the loggable fields only. */
export function describeError(error: unknown): string {
  const e = loggableError(error);
  return [e.name, e.status, e.code, e.message].filter((x) => x !== undefined).join(' ');
}
