import type { Message } from 'discord.js';
import { asksForDetails } from '../../src/doctor/follow-up';
import { MAX_FILES, readFiles } from './attachments';
import type { HandlerContext } from './context';
import { DM_USAGE, FAILURE, skippedNotice } from './copy';
import { loggableError } from './errors';
import { replyToMessage } from './replies';
import { renderDetails, renderReply, textMessage } from './render';

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
    await replyToMessage(message, [textMessage(DM_USAGE)], ctx);
    ctx.metrics.replySent?.('usage');
    return;
  }
  const stopTyping = keepTyping(message, ctx);
  try {
    const { texts, images, skipped } = await readFiles(files, ctx.origins);
    const text = [message.content, ...texts].filter((t) => t.trim()).join('\n\n');
    if (!text && images.length === 0) {
      await replyToMessage(message, [textMessage(`${skippedNotice(skipped)}\n\n${DM_USAGE}`)], ctx);
      ctx.metrics.replySent?.('usage');
      return;
    }

    const inquiry = { platform: 'discord' as const, text, images, user: `discord:${message.author.id}`, channel: message.channelId, isDM: true };
    const previous = await ctx.conversations.get(message.channelId);
    // "more" / "details" after an answer: its details, as the button would give them.
    if (previous && images.length === 0 && asksForDetails(text)) {
      if (await replyToMessage(message, renderDetails(previous.document), ctx)) ctx.metrics.replySent?.('details');
      return;
    }
    const diagnosis = previous ? await ctx.doctor.followUp(previous, inquiry) : await ctx.doctor.diagnose(inquiry);
    await ctx.conversations.set(message.channelId, diagnosis);
    const key = await ctx.answers.keepForDetails(diagnosis, ctx.logger);
    // A DM is seen by the asker alone, so private notes (rotate a pasted key) lead the answer.
    const { messages } = renderReply(diagnosis.document, {
      audience: 'private',
      feedback: true,
      reviewRef: diagnosis.reviewRef,
      ...(key ? { more: { key, ephemeral: false } } : {}),
    });
    if (skipped.length > 0) messages[0]!.content = skippedNotice(skipped);
    if (await replyToMessage(message, messages, ctx)) {
      ctx.metrics.replySent?.('dm');
      ctx.logger.info({ event: 'discord.dm', entry: diagnosis.entry, source: diagnosis.source, followUp: previous !== null }, 'discord: answered a DM');
    }
  } catch (error) {
    ctx.logger.error({ err: loggableError(error) }, 'discord: could not answer a DM');
    await replyToMessage(message, [textMessage(FAILURE)], ctx);
    ctx.metrics.replySent?.('failure');
  } finally {
    stopTyping();
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
