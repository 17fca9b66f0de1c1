import { type ChatInputCommandInteraction, InteractionContextType } from 'discord.js';
import type { Inquiry } from '../../src/contracts';
import { attachmentKind, fetchAttachment, IMAGE_MAX_BYTES } from './attachments';
import type { HandlerContext } from './context';
import { FAILURE, SLASH_USAGE, skippedNotice, TOO_SLOW } from './copy';
import { loggableError } from './errors';
import { keepForDetails } from './more-detail';
import { InteractionReplies } from './replies';
import { type DiscordMessage, type Rendered, renderReply, textMessage } from './render';

/** What the slow part (download + diagnosis + rendering) produces; it never rejects. */
type Answer =
  | { kind: 'diagnosis'; rendered: Rendered; entry: string | null; source: string }
  | { kind: 'text'; message: DiscordMessage; failed: boolean };

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
  const work = answer(interaction, text, { audience, ephemeral }, ctx);
  const early = await settleWithin(work, ctx.timing.ackBudgetMs - (performance.now() - receivedAt));
  if (early) {
    await deliver(replies, early, ephemeral, 'direct', ctx);
    return;
  }
  if (!(await replies.defer(ephemeral))) return;
  let late = await settleWithin(work, ctx.timing.answerDeadlineMs);
  if (!late) {
    ctx.logger.warn({ interaction: interaction.id, deadlineMs: ctx.timing.answerDeadlineMs }, 'discord: diagnosis missed the answer deadline');
    late = { kind: 'text', message: textMessage(TOO_SLOW), failed: true };
  }
  await deliver(replies, late, ephemeral, 'deferred', ctx);
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
    const inquiry: Inquiry = {
      platform: 'discord',
      text,
      images,
      user: `discord:${interaction.user.id}`,
      ...(interaction.channelId ? { channel: interaction.channelId } : {}),
      ...(interaction.guildId ? { workspace: `discord:${interaction.guildId}` } : {}),
      isDM: interaction.context === InteractionContextType.BotDM,
    };
    const diagnosis = await ctx.doctor.diagnose(inquiry);
    const key = await keepForDetails(ctx, diagnosis);
    const rendered = renderReply(diagnosis.document, { audience, feedback: true, reviewRef: diagnosis.reviewRef, ...(key ? { more: { key, ephemeral } } : {}) });
    if (skipped.length > 0) rendered.messages[0]!.content = skippedNotice(skipped);
    return { kind: 'diagnosis', rendered, entry: diagnosis.entry, source: diagnosis.source };
  } catch (error) {
    ctx.logger.error({ interaction: interaction.id, err: loggableError(error) }, 'discord: diagnosis failed');
    return { kind: 'text', message: textMessage(FAILURE), failed: true };
  }
}

async function deliver(replies: InteractionReplies, a: Answer, ephemeral: boolean, mode: 'direct' | 'deferred', ctx: HandlerContext): Promise<void> {
  const messages = a.kind === 'diagnosis' ? a.rendered.messages : [a.message];
  const [first, ...rest] = messages as [DiscordMessage, ...DiscordMessage[]];
  const sent = mode === 'direct' ? await replies.reply(first, ephemeral) : await replies.edit(first);
  if (!sent) {
    // A rejected answer (a bug of ours, not a dead token) still gets a polite line instead of silence.
    if (replies.usable && mode === 'direct' && !replies.wasAcknowledged) await replies.reply(textMessage(FAILURE), true);
    else if (replies.usable && mode === 'deferred') await replies.edit(textMessage(FAILURE));
    return;
  }
  for (const message of rest) if (!(await replies.followUp(message, ephemeral))) return;
  if (a.kind === 'diagnosis' && a.rendered.privateFollowUp) await replies.followUp(a.rendered.privateFollowUp, true);
  ctx.metrics.replySent?.(a.kind === 'text' && a.failed ? 'failure' : mode);
  ctx.logger.info(
    a.kind === 'diagnosis' ? { event: 'discord.answer', mode, entry: a.entry, source: a.source, messages: messages.length } : { event: 'discord.answer', mode, failed: a.failed },
    'discord: answered /claude-error',
  );
}

/** The value if `work` settles within `ms`, otherwise null (work keeps running). */
async function settleWithin<T>(work: Promise<T>, ms: number): Promise<T | null> {
  if (ms <= 0) return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
