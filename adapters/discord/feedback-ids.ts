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

const feedbackButtons = (entry: string | null, ref?: string): APIButtonComponentWithCustomId[] => {
  const button = (vote: Vote, emoji: string, label: string): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: feedbackCustomId(vote, entry, ref),
    emoji: { name: emoji },
    label,
  });
  return [button('up', '👍', 'Helpful'), button('down', '👎', 'Not helpful')];
};

/**
 * "More detail" names the answer kept in the shared store (a hex key) and whether the answer was
 * ephemeral, so the details are as private as the answer: `ced:more:<key>` or `ced:more:<key>:e`.
 */
const MORE_PREFIX = 'ced:more';
const MORE = /^ced:more:([0-9a-f]{16,64})(:e)?$/;

export function moreCustomId(key: string, ephemeral: boolean): string {
  return `${MORE_PREFIX}:${key}${ephemeral ? ':e' : ''}`;
}

export function parseMoreCustomId(customId: string): { key: string; ephemeral: boolean } | null {
  const m = MORE.exec(customId);
  return m ? { key: m[1]!, ephemeral: m[2] !== undefined } : null;
}

/** The buttons under an answer: "More detail" (when it has details), then 👍 / 👎. */
export function answerRow(o: {
  feedback: { entry: string | null; ref?: string } | null;
  more?: { key: string; ephemeral: boolean };
}): APIActionRowComponent<APIButtonComponentWithCustomId> {
  const components: APIButtonComponentWithCustomId[] = [];
  if (o.more && MORE.test(moreCustomId(o.more.key, o.more.ephemeral))) {
    components.push({ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: moreCustomId(o.more.key, o.more.ephemeral), label: 'More detail' });
  }
  if (o.feedback) components.push(...feedbackButtons(o.feedback.entry, o.feedback.ref));
  return { type: ComponentType.ActionRow, components };
}
