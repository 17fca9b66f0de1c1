import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';

export const COMMAND_NAME = 'claude-error';

/** The message context-menu command (Apps → "Diagnose error" on any message). */
export const MESSAGE_COMMAND_NAME = 'Diagnose error';

/** Discord's ceiling for a string option; pastes longer than this belong in a .txt file in a DM. */
export const ERROR_MAX_LENGTH = 6000;

/**
 * View Channel (1 << 10) + Send Messages (1 << 11) + Embed Links (1 << 14) + Read Message History
 * (1 << 16) = 84992. Answers to commands need no permission at all; the first three make the bot's
 * presence in a server readable, and a reply to a message in a watched channel needs the last.
 */
export const BOT_PERMISSIONS = '84992';

/** Where both commands can be used: servers, the bot's DMs, other DMs and group DMs (user install). */
const EVERYWHERE = {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
};

/**
 * The bulk-overwrite body for `PUT /applications/{id}/commands` (global) or the guild route.
 * `contexts` and `integration_types` apply only to global commands: Discord ignores them for a
 * guild, where the command exists only in that server (not in DMs).
 */
export function buildCommands(
  scope: 'global' | 'guild',
): [RESTPostAPIChatInputApplicationCommandsJSONBody, RESTPostAPIContextMenuApplicationCommandsJSONBody] {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMAND_NAME,
      description: 'Explain a Claude API error and how to fix it',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'error',
          description: 'The error text or response body you got',
          required: false,
          max_length: ERROR_MAX_LENGTH,
        },
        {
          type: ApplicationCommandOptionType.Attachment,
          name: 'screenshot',
          description: 'A screenshot of the error (PNG, JPEG, WebP or GIF, up to 10 MB)',
          required: false,
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'private',
          description: 'Only you see the answer',
          required: false,
        },
      ],
      ...(scope === 'global' ? EVERYWHERE : {}),
    },
    {
      // A message command has a name (spaces and capitals allowed) and no description or options.
      type: ApplicationCommandType.Message,
      name: MESSAGE_COMMAND_NAME,
      ...(scope === 'global' ? EVERYWHERE : {}),
    },
  ];
}

/** The invite link for a server: bot user + slash commands, with the permissions above. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({ client_id: applicationId, scope: 'bot applications.commands', permissions: BOT_PERMISSIONS });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
