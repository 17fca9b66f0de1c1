import type { ButtonInteraction } from 'discord.js';
import { CLAIM_TTL_MS, type HandlerContext } from './context';
import { ALREADY_DETAILED, DETAILS_GONE } from './copy';
import { parseMoreCustomId } from './feedback-ids';
import { InteractionReplies } from './replies';
import { renderDetails, textMessage } from './render';

export const isMoreDetailButton = (interaction: ButtonInteraction) => parseMoreCustomId(interaction.customId) !== null;

/**
 * A "More detail" click: answered with the details — ephemeral when the answer was, once per
 * answer message (a second click is told where they are).
 */
export async function handleMoreDetail(interaction: ButtonInteraction, ctx: HandlerContext): Promise<void> {
  const parsed = parseMoreCustomId(interaction.customId);
  if (!parsed) return;
  const replies = new InteractionReplies(interaction, ctx.logger);
  const diagnosis = await ctx.answers.get(parsed.key);
  if (!diagnosis) {
    await replies.reply(textMessage(DETAILS_GONE), true);
    return;
  }
  // An ephemeral answer's details are the clicker's own; a public answer's are posted once for all.
  const first = parsed.ephemeral || (await ctx.store.claim(`discord:more:${interaction.message.id}`, CLAIM_TTL_MS));
  if (!first) {
    await replies.reply(textMessage(ALREADY_DETAILED), true);
    return;
  }
  const [head, ...rest] = renderDetails(diagnosis.document, { maxMessages: 5 });
  if (!(await replies.reply(head!, parsed.ephemeral))) return;
  for (const message of rest) if (!(await replies.followUp(message, parsed.ephemeral))) return;
  ctx.metrics.replySent?.('details');
  ctx.logger.info({ event: 'discord.details', entry: diagnosis.entry, ephemeral: parsed.ephemeral, messages: rest.length + 1 }, 'discord: posted the details');
}
