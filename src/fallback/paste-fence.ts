import { randomBytes } from 'node:crypto';

/** The most pasted characters one model call carries. */
export const PASTE_LIMIT = 20_000;
const HEAD_SHARE = 0.7;

/**
 * Cuts a long paste to `limit` characters, keeping its start (the request, the first error) and its
 * end (where stack traces put the final error), with a marker saying how much was left out.
 */
export function cutPaste(text: string, limit = PASTE_LIMIT): { text: string; cut: boolean } {
  if (text.length <= limit) return { text, cut: false };
  const marker = (omitted: number) => `\n[... ${omitted} characters cut ...]\n`;
  const roughMarker = marker(text.length).length;
  const head = Math.floor((limit - roughMarker) * HEAD_SHARE);
  const tail = limit - roughMarker - head;
  const omitted = text.length - head - tail;
  return { text: text.slice(0, head) + marker(omitted).padEnd(roughMarker) + text.slice(text.length - tail), cut: true };
}

/**
 * Makes any `<pasted_error` / `</pasted_error` inside the paste inert (same length, so nothing
 * else moves): the paste must not be able to close its own fence and speak outside it.
 */
export function neutraliseFenceTags(text: string): string {
  return text.replace(/<(\s*\/?\s*)(pasted_error)/gi, '‹$1$2');
}

/** A per-request random id for the fence; the paste cannot know it in advance. */
export const newFenceId = (): string => randomBytes(9).toString('hex');

/** The paste as one fenced data block. */
export function fencePaste(text: string, fenceId: string): string {
  return `<pasted_error id="${fenceId}">\n${neutraliseFenceTags(text)}\n</pasted_error id="${fenceId}">`;
}
