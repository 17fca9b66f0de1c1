import { type ChatInputCommandInteraction, InteractionContextType } from 'discord.js';
import { attachmentKind, fetchAttachment, IMAGE_MAX_BYTES } from './attachments';
import { type Answer, answerInTime, commandInquiry } from './answer-in-time';
import { COMMAND_NAME } from './commands';
import type { HandlerContext } from './context';
import { FAILURE, SLASH_USAGE, skippedNotice } from './copy';
import { loggableError } from './errors';
import { InteractionReplies } from './replies';
import { renderReply, textMessage } from './render';

/**
 * `/claude-error`: acknowledged within Discord's 3 seconds, always. The diagnosis races a budget;
 * ready in time → one direct reply, otherwise defer (same visibility) and edit the answer in.
 */
export async function handleSlash(interaction: ChatInputCommandInteraction, ctx: HandlerContext): Promise<void> {
  const receivedAt = performance.now();
  const replies = new InteractionReplies(interaction, ctx.logger);
  const text = interaction.options.getString('error') ?? '';
  const screenshot = interaction.options.getAttachment('screenshot');
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  const inBotDm = interaction.context === InteractionContextType.BotDM;

  if (!text.trim() && !screenshot) {
    if (await replies.reply(textMessage(SLASH_USAGE), true)) ctx.metrics.replySent?.('usage');
    return;
  }
  // Refusals that need no download are answered at once, to the asker alone.
  if (screenshot && !text.trim()) {
    const reason =
      attachmentKind(screenshot) !== 'image'
        ? 'it is not an image (PNG, JPEG, WebP or GIF)'
        : screenshot.size > IMAGE_MAX_BYTES
          ? 'it is larger than 10 MB'
          : null;
    if (reason) {
      if (await replies.reply(textMessage(skippedNotice([{ name: screenshot.name, reason }])), true)) ctx.metrics.replySent?.('usage');
      return;
    }
  }

  const audience = ephemeral || inBotDm ? 'private' : 'public';
  await answerInTime(replies, answer(interaction, text, { audience, ephemeral }, ctx), { ephemeral, receivedAt, command: `/${COMMAND_NAME}` }, ctx);
}

async function answer(
  interaction: ChatInputCommandInteraction,
  text: string,
  { audience, ephemeral }: { audience: 'public' | 'private'; ephemeral: boolean },
  ctx: HandlerContext,
): Promise<Answer> {
  try {
    const screenshot = interaction.options.getAttachment('screenshot');
    const fetched = screenshot ? await fetchAttachment(screenshot, ctx.origins, 'image') : null;
    const skipped = fetched?.kind === 'skipped' ? [fetched] : [];
    const images = fetched?.kind === 'image' ? [fetched.image] : [];
    if (!text.trim() && images.length === 0) return { kind: 'text', message: textMessage(skippedNotice(skipped)), failed: false };
    const diagnosis = await ctx.doctor.diagnose(commandInquiry(interaction, text, images));
    const key = await ctx.answers.keepForDetails(diagnosis, ctx.logger);
    const rendered = renderReply(diagnosis.document, { audience, feedback: true, reviewRef: diagnosis.reviewRef, ...(key ? { more: { key, ephemeral } } : {}) });
    if (skipped.length > 0) rendered.messages[0]!.content = skippedNotice(skipped);
    return { kind: 'diagnosis', rendered, entry: diagnosis.entry, source: diagnosis.source };
  } catch (error) {
    ctx.logger.error({ interaction: interaction.id, err: loggableError(error) }, 'discord: diagnosis failed');
    return { kind: 'text', message: textMessage(FAILURE), failed: true };
  }
}
