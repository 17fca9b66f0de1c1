import { ChannelType, Client, Events, GatewayDispatchEvents, GatewayIntentBits, type IIdentifyThrottler, Partials } from 'discord.js';
import type { DiscordEnv } from '../../src/config';

/**
 * Guilds for interactions in servers, DirectMessages for DMs. Nothing privileged: without
 * MessageContent the gateway still sends the content of DMs and of messages that mention the app,
 * and interactions (the message command's target included) always carry theirs.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages] as const;

/**
 * Watched channels (DISCORD_WATCH_CHANNELS) need server messages with their text: GuildMessages
 * plus the privileged MessageContent, which the portal must allow. Asked for only then.
 */
export const WATCH_INTENTS = [GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] as const;

export function intentsFor(config: Pick<DiscordEnv, 'DISCORD_WATCH_CHANNELS'>): GatewayIntentBits[] {
  return config.DISCORD_WATCH_CHANNELS?.length ? [...INTENTS, ...WATCH_INTENTS] : [...INTENTS];
}

/** The REST base discord.js expects ("https://discord.com/api"): the version is added by the client. */
export function restBase(apiUrl: string | undefined): string | undefined {
  return apiUrl?.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

export function createDiscordClient(config: DiscordEnv, options: { restTimeoutMs: number; identifyThrottler: IIdentifyThrottler }): Client {
  const api = restBase(config.DISCORD_API_URL);
  const client = new Client({
    // Every IDENTIFY, including the ones discord.js sends on its own, waits for our pacer.
    ws: { buildIdentifyThrottler: () => options.identifyThrottler },
    intents: intentsFor(config),
    // The gateway sends no CHANNEL_CREATE for DMs, so a DM channel is never cached in advance;
    // without the Channel partial discord.js would drop every DM.
    partials: [Partials.Channel],
    // Pasted text may contain @everyone or <@id>: nobody is ever pinged, replies included.
    allowedMentions: { parse: [], repliedUser: false },
    rest: { ...(api ? { api } : {}), version: '10', timeout: options.restTimeoutMs, retries: 2 },
  });
  fillMissingDmChannelType(client);
  return client;
}

/**
 * discord.js ≥ 14.28.1 builds the DM channel of a MESSAGE_CREATE from its `channel_type`. A
 * payload without that field (gateway versions before Discord documented it, some proxies) for a
 * DM channel not yet cached is dropped without a trace, the regression of 14.26.2–14.26.3. The raw
 * packet is emitted before discord.js handles it, so the field is filled in here: a message with
 * no guild is a DM unless the bot wrote it (its ephemeral replies in servers also lack guild_id).
 */
function fillMissingDmChannelType(client: Client): void {
  client.on(Events.Raw, (packet: { t?: string; d?: Record<string, unknown> }) => {
    const d = packet.d;
    if (packet.t !== GatewayDispatchEvents.MessageCreate || !d) return;
    if ('guild_id' in d || 'channel_type' in d) return;
    const author = d.author as { id?: string } | undefined;
    if (!author || author.id === client.user?.id) return;
    d.channel_type = ChannelType.DM;
  });
}

/** Logs in and resolves once discord.js has handled READY (not merely received it). */
export async function loginAndWaitReady(client: Client, token: string): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  if (!client.isReady()) await ready;
}

/**
 * `client.destroy()`, but never waiting more than `ms`: @discordjs/ws 1.2.3 never settles a destroy
 * that lands while a shard waits for HELLO or READY (a second, internal destroy replaces the close
 * handler the first one waits on). The caller must not depend on the old client afterwards.
 */
export async function destroyWithin(client: Client, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([client.destroy().then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
