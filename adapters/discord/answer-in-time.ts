import { type CommandInteraction, InteractionContextType } from 'discord.js';
import type { ImageInput, Inquiry } from '../../src/contracts';
import { settleWithin } from '../shared/settle';
import type { HandlerContext } from './context';
import { FAILURE, TOO_SLOW } from './copy';
import type { InteractionReplies } from './replies';
import { type DiscordMessage, type Rendered, textMessage } from './render';
import type { ReplyKind } from './types';

/** What the slow part of a command (downloads, diagnosis, rendering) produces; it never rejects. */
export type Answer =
  | { kind: 'diagnosis'; rendered: Rendered; entry: string | null; source: string }
  | { kind: 'text'; message: DiscordMessage; failed: boolean };

/** The Inquiry for what a command brought; the user who ran it is the asker (their model quota). */
export function commandInquiry(interaction: CommandInteraction, text: string, images: ImageInput[]): Inquiry {
  return {
    platform: 'discord',
    text,
    images,
    user: `discord:${interaction.user.id}`,
    ...(interaction.channelId ? { channel: interaction.channelId } : {}),
    ...(interaction.guildId ? { workspace: `discord:${interaction.guildId}` } : {}),
    isDM: interaction.context === InteractionContextType.BotDM,
  };
}

export interface InTimeOptions {
  /** Only the user sees the answer (and the "thinking…" state before it). */
  ephemeral: boolean;
  /** `performance.now()` when the interaction arrived: Discord's 3 seconds started then. */
  receivedAt: number;
  /** For the log line: which command was answered. */
  command: string;
}

/**
 * Answers an interaction within Discord's 3 seconds, always. The work races the acknowledgement
 * budget: ready in time → one direct reply; otherwise defer (Discord shows "… is thinking", with
 * the same visibility) and edit the answer into that message. A late answer becomes an apology.
 */
export async function answerInTime(replies: InteractionReplies, work: Promise<Answer>, o: InTimeOptions, ctx: HandlerContext): Promise<void> {
  const early = await settleWithin(work, ctx.timing.ackBudgetMs - (performance.now() - o.receivedAt));
  if (early) {
    await deliver(replies, early, o, 'direct', ctx);
    return;
  }
  if (!(await replies.defer(o.ephemeral))) return;
  let late = await settleWithin(work, ctx.timing.answerDeadlineMs);
  if (!late) {
    ctx.logger.warn({ command: o.command, deadlineMs: ctx.timing.answerDeadlineMs }, 'discord: diagnosis missed the answer deadline');
    late = { kind: 'text', message: textMessage(TOO_SLOW), failed: true };
  }
  await deliver(replies, late, o, 'deferred', ctx);
}

async function deliver(replies: InteractionReplies, a: Answer, o: InTimeOptions, mode: Extract<ReplyKind, 'direct' | 'deferred'>, ctx: HandlerContext): Promise<void> {
  const messages = a.kind === 'diagnosis' ? a.rendered.messages : [a.message];
  const [first, ...rest] = messages as [DiscordMessage, ...DiscordMessage[]];
  const sent = mode === 'direct' ? await replies.reply(first, o.ephemeral) : await replies.edit(first);
  if (!sent) {
    // A rejected answer (a bug of ours, not a dead token) still gets a polite line instead of silence;
    // a deferred "thinking…" is never left behind.
    if (replies.usable && mode === 'direct' && !replies.wasAcknowledged) await replies.reply(textMessage(FAILURE), true);
    else if (replies.usable && mode === 'deferred') await replies.edit(textMessage(FAILURE));
    return;
  }
  for (const message of rest) if (!(await replies.followUp(message, o.ephemeral))) return;
  if (a.kind === 'diagnosis' && a.rendered.privateFollowUp) await replies.followUp(a.rendered.privateFollowUp, true);
  ctx.metrics.replySent?.(a.kind === 'text' && a.failed ? 'failure' : mode);
  ctx.logger.info(
    a.kind === 'diagnosis'
      ? { event: 'discord.answer', command: o.command, mode, entry: a.entry, source: a.source, messages: messages.length }
      : { event: 'discord.answer', command: o.command, mode, failed: a.failed },
    `discord: answered ${o.command}`,
  );
}
