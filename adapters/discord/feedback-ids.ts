import { type APIActionRowComponent, type APIButtonComponentWithCustomId, ButtonStyle, ComponentType } from 'discord.js';
import type { Vote } from './types';

/**
 * Feedback buttons carry the catalogue entry of the answer in their custom id (≤ 100 characters),
 * so a vote can be counted per entry without keeping state for every answer ever sent.
 */
const PREFIX = 'ced:fb';
const NO_ENTRY = '-';
const CUSTOM_ID_MAX = 100;

/** The review-queue reference of an answer: 16 hex digits after the entry. */
const REF = /^[0-9a-f]{16}$/;

export function feedbackCustomId(vote: Vote, entry: string | null, ref?: string): string {
  const tail = ref && REF.test(ref) ? `:${ref}` : '';
  const id = `${PREFIX}:${vote}:${entry ?? NO_ENTRY}${tail}`;
  return id.length <= CUSTOM_ID_MAX ? id : `${PREFIX}:${vote}:${NO_ENTRY}${tail}`;
}

export function parseFeedbackCustomId(customId: string): { vote: Vote; entry: string | null; ref?: string } | null {
  const m = /^ced:fb:(up|down):([^:]+)(?::([0-9a-f]{16}))?$/.exec(customId);
  if (!m) return null;
  return { vote: m[1] as Vote, entry: m[2] === NO_ENTRY ? null : m[2]!, ...(m[3] ? { ref: m[3] } : {}) };
}

export function feedbackRow(entry: string | null, ref?: string): APIActionRowComponent<APIButtonComponentWithCustomId> {
  const button = (vote: Vote, emoji: string, label: string): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: feedbackCustomId(vote, entry, ref),
    emoji: { name: emoji },
    label,
  });
  return {
    type: ComponentType.ActionRow,
    components: [button('up', '👍', 'Helpful'), button('down', '👎', 'Not helpful')],
  };
}
