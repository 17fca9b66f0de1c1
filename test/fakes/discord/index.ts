import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './gateway';
import {
  buttonInteraction,
  dmMessageCreate,
  guildCreate,
  guildMessageCreate,
  message,
  messageCommandInteraction,
  snowflake,
  slashCommandInteraction,
  user,
  type FakeAttachment,
  type FakeUser,
  type InteractionPlace,
  type SlashOptions,
} from './payloads';
import { FakeRest } from './rest';

export { LIMITS, embedSize, messageLimitProblems } from './limits';
export type { RestCall, RestFault } from './rest';
export { snowflake, user, type FakeUser } from './payloads';

export interface FakeDiscordOptions {
  token?: string;
  heartbeatIntervalMs?: number;
  interactionDeadlineMs?: number;
}

/**
 * A loopback Discord: REST under `/api/v10`, a gateway WebSocket at `/gateway`, and a CDN route
 * under `/attachments/`, all on one 127.0.0.1 port. The real discord.js client talks to it with
 * `rest: { api: fake.apiUrl }`; the gateway address comes from `GET /gateway/bot`, as in production.
 */
export interface FakeDiscord {
  /** The value for `DISCORD_API_URL` (REST base without the version). */
  apiUrl: string;
  origin: string;
  token: string;
  applicationId: string;
  commandId: string;
  botUser: FakeUser;
  rest: FakeRest;
  gateway: FakeGateway;
  /** Serves bytes at a CDN URL and returns the attachment object Discord would send. */
  attachment(file: { filename: string; data: Uint8Array; contentType?: string; size?: number }): FakeAttachment;
  /** Dispatches `/claude-error`; returns the interaction id and token. */
  slash(options: SlashOptions, where?: { place?: InteractionPlace; invoker?: FakeUser; name?: string }): { id: string; token: string; channelId: string };
  /** Dispatches a button click on a message the bot sent. */
  click(customId: string, msg: Record<string, unknown>, where?: { place?: InteractionPlace; invoker?: FakeUser }): { id: string; token: string };
  /** Dispatches a DM MESSAGE_CREATE. */
  dm(fields: { content?: string; author?: FakeUser; attachments?: FakeAttachment[]; withChannelType?: boolean; channelId?: string }): { id: string; channelId: string };
  /** A message as Discord stores it (for a message command's target), in a server channel unless `dm`. */
  storedMessage(fields: { content?: string; author?: FakeUser; attachments?: FakeAttachment[]; channelId?: string; guildId?: string; dm?: boolean }): Record<string, unknown>;
  /** Dispatches "Diagnose error" (a message command) on `target`; returns the interaction id and token. */
  messageCommand(
    target: Record<string, unknown>,
    where?: { place?: InteractionPlace; invoker?: FakeUser; memberPermissions?: string },
  ): { id: string; token: string; channelId: string };
  /** Dispatches GUILD_CREATE for a server with these text channels (new ids when omitted). */
  guild(channelIds?: string[]): { guildId: string; channelIds: string[] };
  /** Dispatches MESSAGE_CREATE for a post in a server channel (see `guild`). */
  post(fields: { guildId: string; channelId: string; content?: string; author?: FakeUser; attachments?: FakeAttachment[]; type?: number }): { id: string };
  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? 'MTAwMDAwMDAwMDAwMDAwMDAw.fake.bot-token-for-tests';
  const applicationId = snowflake();
  const botUser = user({ id: applicationId, username: 'claude-error-doctor', bot: true });
  const blobs = new Map<string, { data: Uint8Array; contentType: string }>();
  let origin = '';
  const gatewayUrl = () => `${origin.replace('http', 'ws')}/gateway`;

  const rest = new FakeRest({
    token,
    applicationId,
    botUser,
    gatewayUrl,
    interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
    blobs,
  });
  const gateway = new FakeGateway({
    token,
    applicationId,
    botUser,
    url: gatewayUrl,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
  });

  const server: Server = createServer((req, res) => {
    rest.handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(error), code: 0 }));
    });
  });
  server.on('upgrade', (req, socket, head) => gateway.upgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const commandId = snowflake();
  const defaultGuild: InteractionPlace = { kind: 'guild', guildId: snowflake(), channelId: snowflake() };
  const defaultInvoker = user({ username: 'asker' });

  const send = (payload: Record<string, unknown> & { id: string; token: string }) => {
    rest.trackInteraction(payload.id, payload.token);
    if (gateway.dispatch('INTERACTION_CREATE', payload) === 0) throw new Error('fake Discord: no identified gateway session');
  };

  return {
    apiUrl: `${origin}/api`,
    origin,
    token,
    applicationId,
    commandId,
    botUser,
    rest,
    gateway,
    attachment({ filename, data, contentType, size }) {
      const id = snowflake();
      const channel = snowflake();
      const path = `/attachments/${channel}/${id}/${encodeURIComponent(filename)}`;
      blobs.set(path, { data, contentType: contentType ?? 'application/octet-stream' });
      const expiry = Math.floor(Date.now() / 1000 + 86_400).toString(16);
      const url = `${origin}${path}?ex=${expiry}&is=00&hm=fake`;
      return { id, filename, size: size ?? data.byteLength, url, proxy_url: url, ...(contentType ? { content_type: contentType } : {}) };
    },
    slash(opts, where = {}) {
      const place = where.place ?? defaultGuild;
      const payload = slashCommandInteraction({
        applicationId,
        commandId,
        invoker: where.invoker ?? defaultInvoker,
        botUser,
        place,
        options: opts,
        name: where.name,
      });
      send(payload);
      return { id: payload.id, token: payload.token, channelId: place.channelId };
    },
    click(customId, msg, where = {}) {
      const payload = buttonInteraction({
        applicationId,
        invoker: where.invoker ?? defaultInvoker,
        botUser,
        place: where.place ?? defaultGuild,
        customId,
        message: msg,
      });
      send(payload);
      return { id: payload.id, token: payload.token };
    },
    dm({ content, author, attachments, withChannelType, channelId }) {
      const payload = dmMessageCreate({
        channelId: channelId ?? snowflake(),
        author: author ?? defaultInvoker,
        content,
        attachments,
        withChannelType,
      });
      if (gateway.dispatch('MESSAGE_CREATE', payload) === 0) throw new Error('fake Discord: no identified gateway session');
      return { id: String(payload.id), channelId: String(payload.channel_id) };
    },
    storedMessage({ content, author, attachments, channelId, guildId, dm }) {
      return message({
        channelId: channelId ?? (dm ? snowflake() : defaultGuild.channelId),
        ...(dm ? {} : { guildId: guildId ?? defaultGuild.guildId }),
        author: author ?? user({ username: 'author' }),
        content,
        attachments,
      });
    },
    messageCommand(target, where = {}) {
      const place = where.place ?? defaultGuild;
      const payload = messageCommandInteraction({
        applicationId,
        commandId,
        invoker: where.invoker ?? defaultInvoker,
        botUser,
        place,
        target,
        ...(where.memberPermissions !== undefined ? { memberPermissions: where.memberPermissions } : {}),
      });
      send(payload);
      return { id: payload.id, token: payload.token, channelId: place.channelId };
    },
    guild(channelIds = [snowflake()]) {
      const guildId = snowflake();
      if (gateway.dispatch('GUILD_CREATE', guildCreate({ guildId, channelIds, botUser })) === 0) throw new Error('fake Discord: no identified gateway session');
      return { guildId, channelIds };
    },
    post({ guildId, channelId, content, author, attachments, type }) {
      const payload = guildMessageCreate({ guildId, channelId, author: author ?? user({ username: 'member' }), content, attachments, ...(type !== undefined ? { type } : {}) });
      if (gateway.dispatch('MESSAGE_CREATE', payload) === 0) throw new Error('fake Discord: no identified gateway session');
      return { id: String(payload.id) };
    },
    async close() {
      await gateway.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
