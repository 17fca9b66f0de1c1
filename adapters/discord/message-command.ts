import { InteractionContextType, type Message, type MessageContextMenuCommandInteraction, PermissionFlagsBits } from 'discord.js';
import { type Answer, answerInTime, commandInquiry } from './answer-in-time';
import { MAX_FILES, readFiles } from './attachments';
import { MESSAGE_COMMAND_NAME } from './commands';
import type { HandlerContext } from './context';
import { answerTo, FAILURE, NOTHING_TO_READ, OWN_ANSWER, skippedNotice } from './copy';
import { loggableError } from './errors';
import { InteractionReplies } from './replies';
import { renderReply, textMessage } from './render';

/**
 * "Diagnose error" from a message's Apps menu: the target message's text, `.txt` / `.log` files and
 * screenshots are diagnosed like a DM. The answer is public, headed by a link to the message, unless
 * the user may not post in that channel; then only they see it. Within Discord's 3 seconds, always:
 * a slow answer shows "… is thinking" first (see answerInTime).
 */
export async function handleMessageCommand(interaction: MessageContextMenuCommandInteraction, ctx: HandlerContext): Promise<void> {
  const receivedAt = performance.now();
  const replies = new InteractionReplies(interaction, ctx.logger);
  const target = interaction.targetMessage;
  const files = [...target.attachments.values()].slice(0, MAX_FILES);
  const refusal = target.author.id === interaction.client.user.id ? OWN_ANSWER : !target.content.trim() && files.length === 0 ? NOTHING_TO_READ : null;
  if (refusal) {
    if (await replies.reply(textMessage(refusal), true)) ctx.metrics.replySent?.('usage');
    return;
  }
  const ephemeral = !mayPostHere(interaction);
  const audience = ephemeral || interaction.context === InteractionContextType.BotDM ? 'private' : 'public';
  const work = answer(interaction, target, { audience, ephemeral }, ctx);
  await answerInTime(replies, work, { ephemeral, receivedAt, command: `"${MESSAGE_COMMAND_NAME}"` }, ctx);
}

/**
 * Whether the user could post in this channel themselves: a public answer must not let someone
 * speak where they may not. Outside servers (DMs, group DMs) they always can.
 */
function mayPostHere(interaction: MessageContextMenuCommandInteraction): boolean {
  const permissions = interaction.memberPermissions;
  if (!interaction.inGuild() || !permissions) return true;
  const inThread = interaction.channel?.isThread() ?? false;
  return permissions.has(inThread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages);
}

async function answer(
  interaction: MessageContextMenuCommandInteraction,
  target: Message,
  { audience, ephemeral }: { audience: 'public' | 'private'; ephemeral: boolean },
  ctx: HandlerContext,
): Promise<Answer> {
  try {
    const { texts, images, skipped } = await readFiles([...target.attachments.values()].slice(0, MAX_FILES), ctx.origins);
    const text = [target.content, ...texts].filter((t) => t.trim()).join('\n\n');
    if (!text && images.length === 0) return { kind: 'text', message: textMessage(`${skippedNotice(skipped)}\n\n${NOTHING_TO_READ}`), failed: false };
    // The asker is the person who ran the command, not the message's author.
    const diagnosis = await ctx.doctor.diagnose(commandInquiry(interaction, text, images));
    const key = await ctx.answers.keepForDetails(diagnosis, ctx.logger);
    const rendered = renderReply(diagnosis.document, { audience, feedback: true, reviewRef: diagnosis.reviewRef, ...(key ? { more: { key, ephemeral } } : {}) });
    const head = [audience === 'public' ? answerTo(target.url) : '', skippedNotice(skipped)].filter((line) => line !== '').join('\n');
    if (head) rendered.messages[0]!.content = head;
    return { kind: 'diagnosis', rendered, entry: diagnosis.entry, source: diagnosis.source };
  } catch (error) {
    ctx.logger.error({ interaction: interaction.id, err: loggableError(error) }, 'discord: diagnosis failed');
    return { kind: 'text', message: textMessage(FAILURE), failed: true };
  }
}
