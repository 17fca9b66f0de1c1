/** Largest paste read at all; beyond it the middle is dropped before redaction (bounded time). */
export const MAX_RAW_CHARS = 1_000_000;

/** How far from the limit a paragraph break is looked for. */
const PARAGRAPH_WINDOW = 64 * 1024;
/**
 * Lines dropped beside a cut that falls inside a paragraph: a terminal or a Claude Code box wraps
 * one key over at most about four lines, and a key cut in two leaves halves redaction cannot tell
 * from other text.
 */
const WRAP_LINES = 4;
/** A wrapped line of a key is short; a longer line beside the cut is ordinary text and is kept. */
const WRAP_LINE_CHARS = 512;

/**
 * Keeps the head and tail of an oversized paste. It cuts where no secret can be split: at a
 * paragraph break (a key never spans a blank line); else, when the limit falls in a short line
 * (perhaps a wrapped key, whose lines a Claude Code box separates with spaces), a few whole short
 * lines away from it; else at whitespace in a long line.
 */
export function capRaw(text: string): { text: string; cut: boolean } {
  if (text.length <= MAX_RAW_CHARS) return { text, cut: false };
  const head = text.slice(0, headEnd(text, MAX_RAW_CHARS / 4));
  const tail = text.slice(tailStart(text, text.length - (MAX_RAW_CHARS * 3) / 4));
  return { text: `${head}\n[… cut …]\n${tail}`, cut: true };
}

/** Where the head ends, at or before `limit`. */
function headEnd(text: string, limit: number): number {
  const paragraph = text.lastIndexOf('\n\n', limit);
  if (paragraph >= 0 && paragraph > limit - PARAGRAPH_WINDOW) return paragraph;
  let line = text.lastIndexOf('\n', limit);
  if (line < 0 || limit - line > WRAP_LINE_CHARS) line = -1;
  for (let i = 0; i < WRAP_LINES && line > 0; i++) {
    const previous = text.lastIndexOf('\n', line - 1);
    if (previous < 0 || line - previous > WRAP_LINE_CHARS) break;
    line = previous;
  }
  if (line > 0) return line;
  const space = text.lastIndexOf(' ', limit);
  return space > 0 ? space : limit;
}

/** Where the tail starts, at or after `from`. */
function tailStart(text: string, from: number): number {
  const paragraph = text.indexOf('\n\n', from);
  if (paragraph >= 0 && paragraph < from + PARAGRAPH_WINDOW) return paragraph + 2;
  let line = text.indexOf('\n', from);
  if (line < 0 || line - from > WRAP_LINE_CHARS) line = -1;
  for (let i = 0; i < WRAP_LINES && line >= 0; i++) {
    const next = text.indexOf('\n', line + 1);
    if (next < 0 || next - line > WRAP_LINE_CHARS) break;
    line = next;
  }
  if (line >= 0) return line + 1;
  const space = text.indexOf(' ', from);
  return space >= 0 ? space : from;
}
