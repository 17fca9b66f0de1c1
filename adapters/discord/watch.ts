import { type Message, MessageType } from 'discord.js';
import { ChannelRateLimit, worthAnsweringUnasked } from '../shared/watch-policy';
import { MAX_FILES, readFiles } from './attachments';
import { BoundedSet, type HandlerContext } from './context';
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
  private readonly rate: ChannelRateLimit;
  /** Messages already decided on: a gateway replay after a resume is not a second question. */
  private readonly seen = new BoundedSet();

  constructor(
    channels: readonly string[],
    perHour: number,
    private readonly ctx: HandlerContext,
  ) {
    this.channels = new Set(channels);
    this.rate = new ChannelRateLimit(perHour);
  }

  /** Server messages posted in a watched channel itself (a thread under it is a channel of its own). */
  owns(message: Message): boolean {
    return message.inGuild() && this.channels.has(message.channelId);
  }

  async handle(message: Message): Promise<void> {
    const { ctx } = this;
    // Only new top-level posts by people: no bots (this one included), webhooks, system messages or replies.
    if (message.author.bot || message.webhookId || message.system || message.type !== MessageType.Default || !this.seen.add(message.id)) {
      ctx.metrics.eventReceived?.('ignored');
      return;
    }
    ctx.metrics.eventReceived?.('watched');
    // Screenshots are read only on request: OCR is one worker, kept for people who asked.
    const { texts } = await readFiles([...message.attachments.values()].slice(0, MAX_FILES), ctx.origins, true);
    const text = [message.content, ...texts].filter((t) => t.trim()).join('\n\n');
    if (!text) return;

    const inquiry = { platform: 'discord' as const, text, user: `discord:${message.author.id}`, channel: message.channelId, isDM: false };
    const diagnosis = await ctx.doctor.diagnose(inquiry, { rulesOnly: true });
    if (!worthAnsweringUnasked(diagnosis)) {
      ctx.logger.debug({ channel: message.channelId, source: diagnosis.source, confidence: diagnosis.confidence }, 'discord watch: not confident, staying silent');
      return;
    }
    if (!this.rate.take(message.channelId)) {
      ctx.logger.info({ channel: message.channelId, entry: diagnosis.entry }, 'discord watch: channel answer limit reached, staying silent');
      return;
    }
    const { messages, privateFollowUp } = renderReply(diagnosis.document, { audience: 'public', feedback: true });
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
