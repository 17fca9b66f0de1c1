/**
 * Safe text for Slack's mrkdwn. `&`, `<` and `>` are control characters there: unescaped, a pasted
 * `<!channel>` or `<@U123>` becomes a real ping. Bare `@channel` / `@here` / `@everyone` are not
 * parsed in bot messages today, but a word joiner keeps them inert if `link_names` is ever turned on.
 */

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const BROADCAST = /@(channel|here|everyone)\b/gi;
const WORD_JOINER = '\u2060';

/** Escapes one piece of text for a mrkdwn field. */
export function escapeMrkdwn(text: string): string {
  return escapeEntities(neutraliseBroadcasts(text));
}

function escapeEntities(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITY[c] ?? c);
}

/** For plain_text fields (headers, buttons): Slack never parses them, so only broadcasts matter. */
export function plainText(text: string, max: number): string {
  return truncate(neutraliseBroadcasts(text), max);
}

function neutraliseBroadcasts(text: string): string {
  return text.replace(BROADCAST, `@${WORD_JOINER}$1`);
}

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Escapes `raw` and cuts it into pieces of at most `limit` escaped characters, at line breaks
 * where possible. Cutting after escaping could split an entity (`&am|p;`), so lines are escaped
 * one by one and over-long lines are cut character by character.
 */
export function chunkEscaped(raw: string, limit: number): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current.length > 0) chunks.push(current);
    current = '';
  };
  // Broadcasts are neutralised on the whole text first: a cut line is escaped character by character.
  for (const line of neutraliseBroadcasts(raw).split('\n')) {
    const escaped = escapeEntities(line);
    const joined = current.length === 0 ? escaped : `${current}\n${escaped}`;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    flush();
    if (escaped.length <= limit) {
      current = escaped;
      continue;
    }
    for (const piece of cutLine(line, limit)) {
      flush();
      current = piece;
    }
  }
  flush();
  return chunks.length > 0 ? chunks : [''];
}

function cutLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  // Iterate by code point so a surrogate pair (emoji) is never split.
  for (const char of line) {
    const next = piece + escapeEntities(char);
    if (next.length > limit) {
      pieces.push(piece);
      piece = escapeEntities(char);
    } else {
      piece = next;
    }
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/** Raw code for a fence: a pasted ``` cannot close our fence early. Escape it afterwards. */
export function fenceSafe(code: string): string {
  return code.replace(/```/g, '`\u200b``');
}

/** The escaped start of `raw`, at most `max` characters, with an ellipsis when something was cut. */
export function escapedPrefix(raw: string, max: number): string {
  const chunks = chunkEscaped(raw, max - 1);
  return chunks.length > 1 ? `${chunks[0]}…` : (chunks[0] ?? '');
}
