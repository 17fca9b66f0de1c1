import { extractSignals } from '../extract';
import { normalizeText } from '../normalize';
import { foldVariables } from '../support/fold-variables';

/** The longest folded text compared: its head and its tail, where banners and final errors are. */
export const MAX_FOLDED_CHARS = 4_000;
/** Extraction reads reset times against a clock; the focus text does not depend on it. */
const ANY_DAY = new Date('2026-01-01T00:00:00Z');

const headAndTail = (text: string, chars: number) => (text.length <= chars ? text : `${text.slice(0, chars / 2)} ${text.slice(-chars / 2)}`);

/**
 * What the second opinion compares: the focus text the rules read (older error bodies blanked),
 * with ids, numbers and times folded, so two pastes of one error look alike whatever their ids.
 * A long focus is cut before folding too, so a 64 K paste costs what a 8 K one does.
 */
export function foldFocus(focus: string): string {
  return headAndTail(foldVariables(headAndTail(focus, 2 * MAX_FOLDED_CHARS), { keepStatus: true }), MAX_FOLDED_CHARS);
}

/** A redacted paste the way the rules path sees it: normalized, its focus extracted, folded. */
export function prepareText(redacted: string): string {
  const normalized = normalizeText(redacted);
  return foldFocus(extractSignals(normalized.flat, ANY_DAY, normalized.lower).focus);
}
