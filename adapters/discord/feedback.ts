import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { type HandlerContext, VOTE_TTL_MS } from './context';
import { ALREADY_VOTED, THANKS_DOWN, THANKS_UP } from './copy';
import { loggableError } from './errors';
import { parseFeedbackCustomId } from './feedback-ids';
import { NO_MENTIONS } from './replies';

export const isFeedbackButton = (interaction: ButtonInteraction) => parseFeedbackCustomId(interaction.customId) !== null;

/**
 * A 👍 / 👎 click: acknowledged at once with an ephemeral thank-you, logged with the entry id and
 * counted once per user and answer (a second click on the same answer is not counted again); a
 * 👎 adds the answered paste to the review queue.
 */
export async function handleFeedback(interaction: ButtonInteraction, ctx: HandlerContext): Promise<void> {
  const parsed = parseFeedbackCustomId(interaction.customId);
  if (!parsed) return;
  const first = await ctx.store.claim(`discord:vote:${interaction.message.id}:${interaction.user.id}`, VOTE_TTL_MS);
  if (first) {
    ctx.metrics.feedback?.(parsed.entry, parsed.vote);
    ctx.logger.info({ event: 'discord.feedback', entry: parsed.entry, vote: parsed.vote, message: interaction.message.id }, 'discord: feedback');
  }
  const content = !first ? ALREADY_VOTED : parsed.vote === 'up' ? THANKS_UP : THANKS_DOWN;
  try {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  } catch (error) {
    ctx.logger.warn({ err: loggableError(error) }, 'discord: could not acknowledge feedback');
  }
  // After the acknowledgement: Discord's 3 seconds do not wait on the review queue.
  if (first) await ctx.doctor.feedback?.({ vote: parsed.vote, entry: parsed.entry, ...(parsed.ref ? { ref: parsed.ref } : {}), platform: 'discord' });
}
