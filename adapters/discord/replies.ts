import { type BaseMessageOptions, type Message, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Logger } from '../../src/ports';
import { guardOutbound } from '../../src/redact';
import { ALREADY_ACKNOWLEDGED, discordCode, loggableError, UNKNOWN_INTERACTION, UNKNOWN_WEBHOOK } from './errors';
import type { DiscordMessage } from './render';

/** Every message the bot sends pings nobody, whatever the pasted text contains. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

/** Every message the bot sends, as discord.js options; through the outbound gate. */
export function toOptions(unchecked: DiscordMessage): BaseMessageOptions {
  const message = guardOutbound(unchecked, 'chat');
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components ?? [],
    allowedMentions: NO_MENTIONS,
  };
}

/**
 * The responses to one interaction, in Discord's order: one acknowledgement (reply or defer),
 * then edits and follow-ups. After 10062 / 10015 the token is dead and nothing more is sent.
 */
export class InteractionReplies {
  private dead = false;
  private acknowledged = false;

  constructor(
    private readonly interaction: RepliableInteraction,
    private readonly logger: Logger,
  ) {}

  get usable(): boolean {
    return !this.dead;
  }

  get wasAcknowledged(): boolean {
    return this.acknowledged;
  }

  reply(message: DiscordMessage, ephemeral: boolean): Promise<boolean> {
    return this.send('reply', async () => {
      if (this.acknowledged) throw new Error('reply after acknowledgement');
      await this.interaction.reply({ ...toOptions(message), flags: ephemeral ? MessageFlags.Ephemeral : undefined });
      this.acknowledged = true;
    });
  }

  defer(ephemeral: boolean): Promise<boolean> {
    return this.send('defer', async () => {
      if (this.acknowledged) throw new Error('defer after acknowledgement');
      await this.interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      this.acknowledged = true;
    });
  }

  edit(message: DiscordMessage): Promise<boolean> {
    return this.send('edit', async () => {
      await this.interaction.editReply(toOptions(message));
    });
  }

  followUp(message: DiscordMessage, ephemeral: boolean): Promise<boolean> {
    return this.send('followUp', async () => {
      await this.interaction.followUp({ ...toOptions(message), flags: ephemeral ? MessageFlags.Ephemeral : undefined });
    });
  }

  private async send(step: string, call: () => Promise<void>): Promise<boolean> {
    if (this.dead) return false;
    try {
      await call();
      return true;
    } catch (error) {
      const code = discordCode(error);
      const fields = { step, interaction: this.interaction.id, err: loggableError(error) };
      if (code === UNKNOWN_INTERACTION || code === UNKNOWN_WEBHOOK) {
        // The token expired or never reached Discord in time: any further call fails the same way.
        this.dead = true;
        this.logger.warn(fields, 'discord: interaction is gone; dropping its token');
      } else if (code === ALREADY_ACKNOWLEDGED) {
        this.acknowledged = true;
        this.logger.error(fields, 'discord: interaction was already acknowledged');
      } else {
        this.logger.error(fields, 'discord: could not answer an interaction');
      }
      return false;
    }
  }
}

/**
 * Answers a message (a DM, or a post in a watched channel): the first part replies to it without
 * pinging anyone, the rest follow in the same channel. False when Discord refused it.
 */
export async function replyToMessage(message: Message, messages: DiscordMessage[], ctx: { logger: Logger }): Promise<boolean> {
  try {
    const [first, ...rest] = messages as [DiscordMessage, ...DiscordMessage[]];
    await message.reply({ ...toOptions(first), allowedMentions: NO_MENTIONS, failIfNotExists: false });
    for (const m of rest) if (message.channel.isSendable()) await message.channel.send(toOptions(m));
    return true;
  } catch (error) {
    ctx.logger.warn({ err: loggableError(error), channel: message.channelId }, 'discord: could not reply to a message');
    return false;
  }
}
