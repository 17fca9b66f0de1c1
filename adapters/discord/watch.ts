import { type Message, MessageType } from 'discord.js';
import { takeWatchAnswer, worthAnsweringUnasked } from '../shared/watch-policy';
import { MAX_FILES, readFiles } from './attachments';
import type { HandlerContext } from './context';
import { loggableError } from './errors';
import { replyToMessage, toOptions } from './replies';
import { renderReply } from './render';

/**
 * Watched help channels (DISCORD_WATCH_CHANNELS): each new message there is read by the rules and
 * answered with a reply only when they are confident. Nobody asked, so everything else (chat, an
 * unknown error, a screenshot, a reply to someone) gets silence, never "I don't recognise this".
 * Reading server messages needs the Message Content intent, which the client asks for only then.
 */
export class DiscordWatch {
  private readonly channels: ReadonlySet<string>;

  constructor(
    channels: readonly string[],
    private readonly perHour: number,
    private readonly ctx: HandlerContext,
  ) {
    this.channels = new Set(channels);
  }

  /** Server messages posted in a watched channel itself (a thread under it is a channel of its own). */
  owns(message: Message): boolean {
    return message.inGuild() && this.channels.has(message.channelId);
  }

  /** Only new top-level posts by people: no bots (this one included), webhooks, system messages or replies. */
  isQuestion(message: Message): boolean {
    return !message.author.bot && !message.webhookId && !message.system && message.type === MessageType.Default;
  }

  /**
   * Decides about one question (see isQuestion). The adapter claims the message first, so a
   * gateway replay after a resume, or a second session during a handover, is not a second question.
   */
  async handle(message: Message): Promise<void> {
    const { ctx } = this;
    ctx.metrics.eventReceived?.('watched');
    // Screenshots are read only on request: OCR is one worker, kept for people who asked.
    const { texts } = await readFiles([...message.attachments.values()].slice(0, MAX_FILES), ctx.origins, true);
    const text = [message.content, ...texts].filter((t) => t.trim()).join('\n\n');
    if (!text) return;

    const inquiry = {
      platform: 'discord' as const,
      text,
      user: `discord:${message.author.id}`,
      channel: message.channelId,
      ...(message.guildId ? { workspace: `discord:${message.guildId}` } : {}),
      isDM: false,
    };
    const diagnosis = await ctx.doctor.diagnose(inquiry, { rulesOnly: true });
    if (!worthAnsweringUnasked(diagnosis)) {
      ctx.logger.debug({ channel: message.channelId, source: diagnosis.source, confidence: diagnosis.confidence }, 'discord watch: not confident, staying silent');
      return;
    }
    if (!(await takeWatchAnswer(ctx.store, `discord:${message.channelId}`, this.perHour))) {
      ctx.logger.info({ channel: message.channelId, entry: diagnosis.entry }, 'discord watch: channel answer limit reached, staying silent');
      return;
    }
    const key = await ctx.answers.keepForDetails(diagnosis, ctx.logger);
    const { messages, privateFollowUp } = renderReply(diagnosis.document, {
      audience: 'public',
      feedback: true,
      reviewRef: diagnosis.reviewRef,
      ...(key ? { more: { key, ephemeral: false } } : {}),
    });
    if (!(await replyToMessage(message, messages, ctx))) return;
    ctx.metrics.replySent?.('watch');
    // A pasted key: the warning goes to its author alone, by DM (a channel has no ephemeral messages).
    if (privateFollowUp) {
      await message.author.send(toOptions(privateFollowUp)).catch((error: unknown) => {
        ctx.logger.info({ err: loggableError(error) }, 'discord watch: could not DM the key warning (DMs closed?)');
      });
    }
    ctx.logger.info({ event: 'discord.watch', channel: message.channelId, entry: diagnosis.entry, messages: messages.length }, 'discord watch answered');
  }
}
