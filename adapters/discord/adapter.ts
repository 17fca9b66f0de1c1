import { type Client, Events, type Interaction, type Message, MessageFlags } from 'discord.js';
import { type DiscordEnv, WATCH_ANSWERS_PER_HOUR_DEFAULT } from '../../src/config';
import type { Doctor } from '../../src/ports';
import { AnswerMemory, ConversationMemory, MemoryStore } from '../../src/store';
import { allowedOrigins } from './attachments';
import { COMMAND_NAME, MESSAGE_COMMAND_NAME } from './commands';
import { DiscordConnection } from './connection';
import { ANSWER_TTL_MS, CLAIM_TTL_MS, CONVERSATION_TTL_MS, type HandlerContext } from './context';
import { UNKNOWN_COMMAND } from './copy';
import { handleDirectMessage, ignoreMessage } from './dm';
import { loggableError } from './errors';
import { handleFeedback, isFeedbackButton } from './feedback';
import { handleMoreDetail, isMoreDetailButton } from './more-detail';
import { type GatewayConnection, LeasedConnection } from './lease';
import { handleMessageCommand } from './message-command';
import { NO_MENTIONS } from './replies';
import { handleSlash } from './slash';
import { DEFAULT_TIMING, type DiscordAdapter, type DiscordAdapterDeps, systemClock } from './types';
import { DiscordWatch } from './watch';

/**
 * The Discord adapter: `/claude-error` and the "Diagnose error" message command in servers, DMs and
 * user installs, DMs to the bot, and (opt-in) watched help channels. It only translates between
 * discord.js and the Doctor; the diagnosis lives in the core.
 */
export function createDiscordAdapter(config: DiscordEnv, doctor: Doctor, deps: DiscordAdapterDeps): DiscordAdapter {
  const logger = deps.logger;
  const metrics = deps.metrics ?? {};
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  const store = deps.store ?? new MemoryStore();
  const ctx: HandlerContext = {
    doctor,
    logger,
    metrics,
    timing,
    origins: allowedOrigins(config.DISCORD_API_URL),
    store,
    conversations: new ConversationMemory(store, { namespace: 'discord', ttlMs: CONVERSATION_TTL_MS }),
    answers: new AnswerMemory(store, { namespace: 'discord-answer', ttlMs: ANSWER_TTL_MS }),
  };
  const watched = config.DISCORD_WATCH_CHANNELS ?? [];
  const watch = watched.length > 0 ? new DiscordWatch(watched, deps.watchAnswersPerHour ?? WATCH_ANSWERS_PER_HOUR_DEFAULT, ctx) : null;
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  // Handlers never reject; this is the last net so one bad event cannot take the process down.
  const run = (work: () => Promise<void>) => {
    if (!accepting) return;
    const p = work().catch((error: unknown) => logger.error({ err: loggableError(error) }, 'discord: handler failed'));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  // `live()` turns false when the client is replaced: a revived old client must not answer twice.
  const attach = (client: Client, live: () => boolean) => {
    client.on(Events.InteractionCreate, (interaction) => live() && run(() => claimed(`interaction:${interaction.id}`, () => routeInteraction(interaction, ctx))));
    client.on(Events.MessageCreate, (message: Message) => {
      if (!live()) return;
      if (watch?.owns(message)) {
        if (!watch.isQuestion(message)) metrics.eventReceived?.('ignored');
        // The same claim as a DM's: each message is decided on once, by one session.
        else run(() => claimed(`message:${message.id}`, () => watch.handle(message)));
        return;
      }
      if (ignoreMessage(message)) {
        // Bots (this one included) and server messages are not ours to answer.
        if (message.author.id !== client.user?.id) metrics.eventReceived?.('ignored');
        return;
      }
      run(() =>
        claimed(`message:${message.id}`, async () => {
          metrics.eventReceived?.('dm');
          await handleDirectMessage(message, ctx);
        }),
      );
    });
    client.once(Events.ClientReady, (ready) => {
      if (ready.application.id !== config.DISCORD_APPLICATION_ID) {
        logger.warn(
          { configured: config.DISCORD_APPLICATION_ID, actual: ready.application.id },
          'discord: DISCORD_APPLICATION_ID does not belong to this bot token; /claude-error was registered for another application',
        );
      }
    });
  };

  // Only one session should exist (the gateway lease); if two overlap during a handover, the
  // first replica to claim an event answers it.
  const claimed = async (key: string, work: () => Promise<void>) => {
    if (await store.claim(`discord:${key}`, CLAIM_TTL_MS)) await work();
    else logger.debug({ key }, 'discord: event already answered by another session');
  };

  const clock = deps.clock ?? systemClock;
  const connect = () => new DiscordConnection({ config, logger, metrics, clock, timing, attach });
  const connection: GatewayConnection = deps.lease ? new LeasedConnection({ store, ttlMs: deps.lease.ttlMs, clock, logger, connect }) : connect();

  return {
    name: 'discord',
    start: () => connection.start(),
    async stop() {
      accepting = false;
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timing.drainMs);
        });
        await Promise.race([Promise.allSettled([...inFlight]), grace]);
        clearTimeout(timer);
      }
      await connection.stop();
    },
    state: () => connection.state(),
  };
}

async function routeInteraction(interaction: Interaction, ctx: HandlerContext): Promise<void> {
  if (interaction.isMessageContextMenuCommand() && interaction.commandName === MESSAGE_COMMAND_NAME) {
    ctx.metrics.eventReceived?.('message-command');
    await handleMessageCommand(interaction, ctx);
    return;
  }
  if (interaction.isCommand()) {
    if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME) {
      ctx.metrics.eventReceived?.('slash');
      await handleSlash(interaction, ctx);
      return;
    }
    ctx.metrics.eventReceived?.('ignored');
    await interaction
      .reply({ content: UNKNOWN_COMMAND, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
      .catch((error: unknown) => ctx.logger.warn({ err: loggableError(error) }, 'discord: could not answer an unknown command'));
    return;
  }
  if (interaction.isButton() && isFeedbackButton(interaction)) {
    ctx.metrics.eventReceived?.('feedback');
    await handleFeedback(interaction, ctx);
    return;
  }
  if (interaction.isButton() && isMoreDetailButton(interaction)) {
    ctx.metrics.eventReceived?.('more-detail');
    await handleMoreDetail(interaction, ctx);
    return;
  }
  ctx.metrics.eventReceived?.('ignored');
}
