/**
 * Builders for the JSON Discord puts on the wire: users, messages, interactions. Shapes follow the
 * Discord API reference (v10); every field discord.js reads is present so the real client builds
 * its structures exactly as it would in production.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh snowflake for "now": timestamp bits plus a process-wide counter. */
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export function user(overrides: Partial<FakeUser> = {}): FakeUser {
  const id = overrides.id ?? snowflake();
  return { id, username: `user${id.slice(-4)}`, global_name: null, discriminator: '0', avatar: null, ...overrides };
}

export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
  width?: number;
  height?: number;
}

/** A message object as REST and MESSAGE_CREATE return it. */
export function message(fields: {
  channelId: string;
  author: FakeUser;
  content?: string;
  attachments?: FakeAttachment[];
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  guildId?: string;
  webhookId?: string;
  applicationId?: string;
  interaction?: { id: string; user: FakeUser };
  id?: string;
}): Record<string, unknown> {
  return {
    id: fields.id ?? snowflake(),
    type: fields.interaction ? 20 : 0,
    channel_id: fields.channelId,
    ...(fields.guildId ? { guild_id: fields.guildId } : {}),
    author: fields.author,
    content: fields.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: fields.attachments ?? [],
    embeds: fields.embeds ?? [],
    components: fields.components ?? [],
    pinned: false,
    flags: fields.flags ?? 0,
    ...(fields.webhookId ? { webhook_id: fields.webhookId } : {}),
    ...(fields.applicationId ? { application_id: fields.applicationId } : {}),
    ...(fields.interaction
      ? { interaction_metadata: { id: fields.interaction.id, type: 2, user: fields.interaction.user, authorizing_integration_owners: {} } }
      : {}),
  };
}

/**
 * Where an interaction comes from: a server channel (context 0), the bot's DM (context 1), or a
 * DM between users through a user install (context 2, the bot is not in that channel).
 */
export type InteractionPlace =
  | { kind: 'guild'; guildId: string; channelId: string }
  | { kind: 'dm'; channelId: string }
  | { kind: 'user-install'; channelId: string };

export interface SlashOptions {
  error?: string;
  screenshot?: FakeAttachment;
  private?: boolean;
}

function interactionBase(fields: {
  applicationId: string;
  invoker: FakeUser;
  place: InteractionPlace;
  botUser: FakeUser;
}): Record<string, unknown> & { id: string; token: string } {
  const { place, invoker } = fields;
  const common = {
    id: snowflake(),
    application_id: fields.applicationId,
    token: `aW50ZXJhY3Rpb246${snowflake()}${Math.random().toString(36).slice(2)}`,
    version: 1,
    locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (place.kind === 'guild') {
    return {
      ...common,
      guild_id: place.guildId,
      guild_locale: 'en-US',
      guild: { id: place.guildId, locale: 'en-US', features: [] },
      channel_id: place.channelId,
      channel: { id: place.channelId, type: 0, guild_id: place.guildId, name: 'help', position: 0, permissions: '2248473465835073', nsfw: false, parent_id: null, flags: 0 },
      member: { user: invoker, roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0, permissions: '2248473465835073', nick: null, avatar: null, premium_since: null, pending: false },
      authorizing_integration_owners: { '0': place.guildId },
      context: 0,
    };
  }
  if (place.kind === 'user-install') {
    const friend = user({ username: 'friend' });
    return {
      ...common,
      channel_id: place.channelId,
      channel: { id: place.channelId, type: 1, last_message_id: null, flags: 0, recipients: [friend] },
      user: invoker,
      authorizing_integration_owners: { '1': invoker.id },
      context: 2,
    };
  }
  return {
    ...common,
    channel_id: place.channelId,
    channel: { id: place.channelId, type: 1, last_message_id: null, flags: 0, recipients: [invoker] },
    user: invoker,
    authorizing_integration_owners: { '0': '0' },
    context: 1,
  };
}

/** INTERACTION_CREATE for `/claude-error` with the given options. */
export function slashCommandInteraction(fields: {
  applicationId: string;
  commandId: string;
  invoker: FakeUser;
  botUser: FakeUser;
  place: InteractionPlace;
  options: SlashOptions;
  name?: string;
}): Record<string, unknown> & { id: string; token: string } {
  const options: Array<Record<string, unknown>> = [];
  let resolved: Record<string, unknown> | undefined;
  if (fields.options.error !== undefined) options.push({ name: 'error', type: 3, value: fields.options.error });
  if (fields.options.screenshot) {
    options.push({ name: 'screenshot', type: 11, value: fields.options.screenshot.id });
    resolved = { attachments: { [fields.options.screenshot.id]: fields.options.screenshot } };
  }
  if (fields.options.private !== undefined) options.push({ name: 'private', type: 5, value: fields.options.private });
  const base = interactionBase(fields);
  return {
    ...base,
    type: 2,
    data: {
      id: fields.commandId,
      name: fields.name ?? 'claude-error',
      type: 1,
      options,
      ...(resolved ? { resolved } : {}),
    },
  };
}

/** INTERACTION_CREATE for a button click on one of the bot's messages. */
export function buttonInteraction(fields: {
  applicationId: string;
  invoker: FakeUser;
  botUser: FakeUser;
  place: InteractionPlace;
  customId: string;
  message: Record<string, unknown>;
}): Record<string, unknown> & { id: string; token: string } {
  const base = interactionBase(fields);
  return {
    ...base,
    type: 3,
    data: { custom_id: fields.customId, component_type: 2 },
    message: fields.message,
  };
}

/**
 * MESSAGE_CREATE in a DM. `withChannelType: false` leaves out `channel_type`, as gateway payloads
 * did before Discord documented the field (the case discord.js 14.26.2–14.26.3 dropped silently).
 */
export function dmMessageCreate(fields: {
  channelId: string;
  author: FakeUser;
  content?: string;
  attachments?: FakeAttachment[];
  withChannelType?: boolean;
}): Record<string, unknown> {
  return {
    ...message({ channelId: fields.channelId, author: fields.author, content: fields.content, attachments: fields.attachments }),
    ...(fields.withChannelType === false ? {} : { channel_type: 1 }),
  };
}

/**
 * INTERACTION_CREATE for a message context-menu command (type 2, `data.type` 3) on `target`: Discord
 * sends the whole target message in `data.resolved.messages`, content included (no intent needed).
 * `memberPermissions` replaces the invoking member's permissions in that channel (servers only).
 */
export function messageCommandInteraction(fields: {
  applicationId: string;
  commandId: string;
  invoker: FakeUser;
  botUser: FakeUser;
  place: InteractionPlace;
  target: Record<string, unknown>;
  name?: string;
  memberPermissions?: string;
}): Record<string, unknown> & { id: string; token: string } {
  const base = interactionBase(fields);
  if (fields.memberPermissions !== undefined && base.member) (base.member as Record<string, unknown>).permissions = fields.memberPermissions;
  const targetId = String(fields.target.id);
  return {
    ...base,
    type: 2,
    data: { id: fields.commandId, name: fields.name ?? 'Diagnose error', type: 3, target_id: targetId, resolved: { messages: { [targetId]: fields.target } } },
  };
}

/**
 * GUILD_CREATE for a server with text channels, as the gateway sends after READY with the Guilds
 * intent; discord.js needs the server cached to deliver its channels' messages.
 */
export function guildCreate(fields: { guildId: string; channelIds: string[]; botUser: FakeUser }): Record<string, unknown> {
  const { guildId } = fields;
  return {
    id: guildId,
    name: 'Help server',
    icon: null,
    owner_id: snowflake(),
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: guildId, name: '@everyone', permissions: '84992', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [{ user: fields.botUser, roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 }],
    channels: fields.channelIds.map((id, position) => ({
      id,
      type: 0,
      guild_id: guildId,
      name: `help-${position}`,
      position,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      rate_limit_per_user: 0,
      last_message_id: null,
      flags: 0,
    })),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

/**
 * MESSAGE_CREATE for a post in a server channel. `type` 0 is a new message, 19 a reply; a bot's post
 * has `author.bot`. The content is there only because the bot asked for the Message Content intent.
 */
export function guildMessageCreate(fields: {
  guildId: string;
  channelId: string;
  author: FakeUser;
  content?: string;
  attachments?: FakeAttachment[];
  type?: number;
}): Record<string, unknown> {
  return {
    ...message({ channelId: fields.channelId, guildId: fields.guildId, author: fields.author, content: fields.content, attachments: fields.attachments }),
    type: fields.type ?? 0,
    member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
  };
}
