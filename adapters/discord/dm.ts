import type { Message } from 'discord.js';
import type { ImageInput } from '../../src/contracts';
import { asksForDetails } from '../../src/doctor/follow-up';
import { fetchAttachment } from './attachments';
import type { HandlerContext } from './context';
import { DM_USAGE, FAILURE, skippedNotice } from './copy';
import { loggableError } from './errors';
import { keepForDetails } from './more-detail';
import { NO_MENTIONS, toOptions } from './replies';
import { type DiscordMessage, renderDetails, renderReply, textMessage } from './render';

/** At most this many files of one DM are read; the rest are ignored. */
const MAX_FILES = 4;
/** Discord shows "typing…" for 10 s; refresh it while a slow diagnosis runs. */
const TYPING_REFRESH_MS = 8_000;

/** True for messages this adapter must leave alone: bots (itself included), system messages, servers. */
export function ignoreMessage(message: Message): boolean {
  return message.author.bot || message.system || message.guildId !== null || !message.channel.isDMBased();
}

/** A DM to the bot: text, `.txt` / `.log` files and images go to the doctor; the answer is a reply. */
export async function handleDirectMessage(message: Message, ctx: HandlerContext): Promise<void> {
  const files = [...message.attachments.values()].slice(0, MAX_FILES);
  if (!message.content.trim() && files.length === 0) {
    await send(message, [textMessage(DM_USAGE)], ctx);
    ctx.metrics.replySent?.('usage');
    return;
  }
  const stopTyping = keepTyping(message, ctx);
  try {
    const fetched = await Promise.all(files.map((f) => fetchAttachment(f, ctx.origins)));
    const texts = fetched.flatMap((f) => (f.kind === 'text' ? [`--- ${f.name} ---\n${f.text}`] : []));
    const images: ImageInput[] = fetched.flatMap((f) => (f.kind === 'image' ? [f.image] : []));
    const skipped = fetched.flatMap((f) => (f.kind === 'skipped' ? [f] : []));
    const text = [message.content, ...texts].filter((t) => t.trim()).join('\n\n');
    if (!text && images.length === 0) {
      await send(message, [textMessage(`${skippedNotice(skipped)}\n\n${DM_USAGE}`)], ctx);
      ctx.metrics.replySent?.('usage');
      return;
    }

    const inquiry = { platform: 'discord' as const, text, images, user: `discord:${message.author.id}`, channel: message.channelId, isDM: true };
    const previous = await ctx.conversations.get(message.channelId);
    // "more" / "details" after an answer: its details, as the button would give them.
    if (previous && images.length === 0 && asksForDetails(text)) {
      if (await send(message, renderDetails(previous.document), ctx)) ctx.metrics.replySent?.('details');
      return;
    }
    const diagnosis = previous ? await ctx.doctor.followUp(previous, inquiry) : await ctx.doctor.diagnose(inquiry);
    await ctx.conversations.set(message.channelId, diagnosis);
    const key = await keepForDetails(ctx, diagnosis);
    // A DM is seen by the asker alone, so private notes (rotate a pasted key) lead the answer.
    const { messages } = renderReply(diagnosis.document, {
      audience: 'private',
      feedback: true,
      reviewRef: diagnosis.reviewRef,
      ...(key ? { more: { key, ephemeral: false } } : {}),
    });
    if (skipped.length > 0) messages[0]!.content = skippedNotice(skipped);
    if (await send(message, messages, ctx)) {
      ctx.metrics.replySent?.('dm');
      ctx.logger.info({ event: 'discord.dm', entry: diagnosis.entry, source: diagnosis.source, followUp: previous !== null }, 'discord: answered a DM');
    }
  } catch (error) {
    ctx.logger.error({ err: loggableError(error) }, 'discord: could not answer a DM');
    await send(message, [textMessage(FAILURE)], ctx);
    ctx.metrics.replySent?.('failure');
  } finally {
    stopTyping();
  }
}

/** The first message replies to the DM (without pinging); the rest follow in the channel. */
async function send(message: Message, messages: DiscordMessage[], ctx: HandlerContext): Promise<boolean> {
  try {
    const [first, ...rest] = messages as [DiscordMessage, ...DiscordMessage[]];
    await message.reply({ ...toOptions(first), allowedMentions: NO_MENTIONS, failIfNotExists: false });
    for (const m of rest) if (message.channel.isSendable()) await message.channel.send(toOptions(m));
    return true;
  } catch (error) {
    ctx.logger.warn({ err: loggableError(error) }, 'discord: could not send a DM reply');
    return false;
  }
}

function keepTyping(message: Message, ctx: HandlerContext): () => void {
  const channel = message.channel;
  if (!channel.isSendable()) return () => {};
  const type = () =>
    channel.sendTyping().catch((error: unknown) => ctx.logger.debug({ err: loggableError(error) }, 'discord: typing indicator failed'));
  void type();
  const timer = setInterval(() => void type(), TYPING_REFRESH_MS);
  timer.unref();
  return () => clearInterval(timer);
}
