/**
 * `npm run discord:register`: registers `/claude-error` and the message command "Diagnose error"
 * with one bulk PUT (it overwrites every command type at once), globally or, with
 * DISCORD_GUILD_ID, in one server (instant updates, but not in DMs). Run it after a change to the
 * command, not at every start: Discord allows 200 command creations per day per server.
 */
import { pathToFileURL } from 'node:url';
import { ApplicationCommandType, REST, Routes } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, type DiscordEnv, loadConfig } from '../../src/config';
import { unknownOption } from '../../src/cli/options';
import { describeNetworkFailure, networkFailure } from '../../src/net';
import { restBase } from './client';
import { buildCommands, inviteUrl } from './commands';
import { describeError, httpStatus } from './errors';

export interface RegisterResult {
  scope: 'global' | 'guild';
  route: string;
  commands: Array<{ id: string; name: string; type: number }>;
}

export async function registerCommands(config: DiscordEnv): Promise<RegisterResult> {
  const api = restBase(config.DISCORD_API_URL);
  const rest = new REST({ version: '10', timeout: 15_000, retries: 1, ...(api ? { api } : {}) }).setToken(config.DISCORD_TOKEN);
  const appId = config.DISCORD_APPLICATION_ID;
  const guildId = config.DISCORD_GUILD_ID;
  const scope = guildId ? 'guild' : 'global';
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  const result = (await rest.put(route, { body: buildCommands(scope) })) as Array<{ id: string; name: string; type?: number }>;
  return { scope, route, commands: result.map(({ id, name, type }) => ({ id, name, type: type ?? ApplicationCommandType.ChatInput })) };
}

/** Explains a failed registration in terms of the settings the operator can change. */
export function explainFailure(error: unknown): string {
  const status = httpStatus(error);
  if (status === 401) return 'Discord rejected DISCORD_TOKEN (401). Reset it under Developer Portal → your application → Bot.';
  if (status === 403 || status === 404) {
    return (
      `Discord refused the registration (${status}). Check that DISCORD_APPLICATION_ID is the id of the application ` +
      'that owns DISCORD_TOKEN and, with DISCORD_GUILD_ID, that the bot was invited to that server with the applications.commands scope.'
    );
  }
  const offline = networkFailure(error);
  if (offline) {
    return `Registration failed: ${describeNetworkFailure(offline, 'discord.com')}. Check the network, a proxy, or DISCORD_API_URL; the token was not checked.`;
  }
  return `Registration failed: ${describeError(error)}`;
}

export const REGISTER_HELP = `Usage: npm run discord:register [-- --help]

Registers the /claude-error slash command and the "Diagnose error" message command with Discord
(one bulk PUT) and prints the invite URL. Run it once, and again after the commands change — not at
every start.

Settings (environment or .env):
  DISCORD_TOKEN            bot token (Developer Portal → your application → Bot)
  DISCORD_APPLICATION_ID   application id (Developer Portal → General Information)
  DISCORD_GUILD_ID         optional: register in this one server only (instant, but not in DMs)
  DISCORD_API_URL          optional: REST base override (proxies, tests)

Exit status: 0 when registered; 1 when a setting is missing or Discord refused; 2 for usage errors.
Guide: adapters/discord/SETUP.md`;

const REGISTER_OPTIONS = ['--help', '-h'] as const;

/**
 * The CLI: returns the exit code instead of exiting, so it can be tested. Options are read before
 * the settings, so `--help` works on a machine with no Discord settings at all.
 */
export async function main(env: NodeJS.ProcessEnv, out: Pick<Console, 'log' | 'error'>, argv: readonly string[] = []): Promise<number> {
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      out.log(REGISTER_HELP);
      return 0;
    }
    out.error(`discord:register: ${arg.startsWith('-') ? unknownOption(arg, REGISTER_OPTIONS) : `unexpected argument "${arg}"`}\n\n${REGISTER_HELP}`);
    return 2;
  }
  let discord: DiscordEnv | null;
  try {
    discord = loadConfig(env).discord;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const own = error.problems.filter((p) => p.adapter === 'discord');
    out.error((own.length > 0 ? new ConfigError(own) : error).message);
    return 1;
  }
  if (!discord) {
    out.error('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (in the environment or .env) to register /claude-error. See adapters/discord/SETUP.md.');
    return 1;
  }
  try {
    const result = await registerCommands(discord);
    const where = result.scope === 'guild' ? `in server ${discord.DISCORD_GUILD_ID} (usable there at once; not in DMs)` : 'globally (servers, DMs with the bot, user installs)';
    const names = result.commands.map((c) => (c.type === ApplicationCommandType.Message ? `"${c.name}" (message menu → Apps)` : `/${c.name}`));
    out.log(`Registered ${names.join(' and ')} ${where}.`);
    out.log(`Invite the bot to a server: ${inviteUrl(discord.DISCORD_APPLICATION_ID)}`);
    return 0;
  } catch (error) {
    out.error(explainFailure(error));
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  loadDotenv({ quiet: true });
  main(process.env, console, process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(explainFailure(error));
      process.exitCode = 1;
    },
  );
}
