import { type Guarded, guarded, mayHold } from './guard';
import { repairIdentifiers, repairStatusDigits } from './repairs';
import { OFFICIAL_TYPES } from './vocabulary';

/** Pastes beyond this are cut: the head (where banners are) and the tail (where tracebacks end) stay. */
export const MAX_INPUT_CHARS = 64_000;
const HEAD_CHARS = 16_000;

export interface NormalizedText {
  /** Cleaned text with its lines (shown back to users, sent to the model). */
  text: string;
  /** One line, JSON escapes undone, whitespace collapsed: what extraction and rules read. */
  flat: string;
  /** `flat` in lower case, for keyword prefilters. */
  lower: string;
  truncated: boolean;
  binary: boolean;
}

const SMART_SINGLE = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u02BC]/g;
const SMART_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const CRLF = guarded(/\r\n?/g, '\r');
const ANSI = guarded(/\u001b\[[0-9;?]*[A-Za-z]/g, '\u001b');
const FENCE_LINE = guarded(/^[ \t]*(?:```|~~~)[\w+-]*[ \t]*$/gm, '```', '~~~');
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * Control characters other than whitespace (tab, newlines, vertical tab, form feed — a log or a
 * printout may start with a page break) and ESC (terminal colours), or U+FFFD replacement chars.
 */
const CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/g;

/** More than 2 % control characters (or any NUL) means bytes, not a paste. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 4096 ? text.slice(0, 4096) : text;
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(sample)) return false;
  if (text.includes('\u0000')) return true;
  return (sample.match(CONTROL)?.length ?? 0) / sample.length > 0.02;
}

function cap(text: string): { text: string; truncated: boolean } {
  if (text.length <= MAX_INPUT_CHARS) return { text, truncated: false };
  const tail = MAX_INPUT_CHARS - HEAD_CHARS;
  return { text: `${text.slice(0, HEAD_CHARS)}\n[… cut …]\n${text.slice(-tail)}`, truncated: true };
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&', '#34': '"', '#39': "'", '#x22': '"', '#x27': "'" };
const HTML_ENTITY = guarded(/&(quot|apos|lt|gt|amp|#34|#39|#x22|#x27);/gi, '&');

/**
 * A run of backslashes (any depth of JSON-in-JSON escaping) and what it escapes: a quote, a
 * newline / return / tab, or a `\\uXXXX` code. The look-behind makes only the first backslash of a run
 * a start: without it every backslash of a 64,000-long run would rescan the rest (quadratic time).
 */
const ESCAPE_RUN = guarded(/(?<!\\)\\+(?:(["'])|[nrt]|u([0-9a-fA-F]{4}))/g, '\\');

/**
 * Undo JSON / Python-repr escaping so nested bodies read like plain ones, and the few HTML entities
 * that web UIs and issue trackers leave in copied error text (`roles must alternate between &quot;user&quot;`).
 * One pass; a Windows path such as C:\\npm loses a letter here, but only matching reads this text.
 */
function unescape(text: string): string {
  let out = text;
  if (mayHold(out, HTML_ENTITY)) out = out.replace(HTML_ENTITY.re, (_, name: string) => HTML_ENTITIES[name.toLowerCase()] ?? _);
  if (mayHold(out, ESCAPE_RUN)) {
    out = out.replace(ESCAPE_RUN.re, (_, quote: string | undefined, hex: string | undefined) =>
      quote ?? (hex === undefined ? ' ' : String.fromCharCode(parseInt(hex, 16))),
    );
  }
  return out;
}

/**
 * Every run of whitespace becomes one space, as `/\s+/g` → ' ' would do, but a run that already is
 * one space is not matched: most runs are, and each match costs a replacement (about 3× faster on
 * pastes). test/core/normalize-guards.test.ts holds it to `/\s+/g` on every text.
 */
export const collapseWhitespace = (text: string): string => text.replace(/\s\s+|[^\S ]/g, ' ');

/** The guarded passes of this file, for the test that checks their strings. */
export const NORMALIZE_GUARDS: readonly Guarded[] = [CRLF, ANSI, FENCE_LINE, HTML_ENTITY, ESCAPE_RUN];

const WRAPPED_TYPE_VALUE = /(["']type["']\s*:\s*["'])([a-z_]{2,25} [a-z_]{1,25})(?=["'])/g;

/**
 * A terminal that wraps a long line can cut an error type in two ("invalid_reques⏎ t_error",
 * "api_⏎ error"); flattened, the pieces are one space apart inside the JSON `type` value, where a
 * space never belongs. Only official type names are rejoined.
 */
export function rejoinWrappedTypes(flat: string): string {
  if (!flat.includes('type')) return flat;
  return flat.replace(WRAPPED_TYPE_VALUE, (m, key: string, value: string) => {
    const joined = value.replace(' ', '');
    return OFFICIAL_TYPES.has(joined) ? key + joined : m;
  });
}

// A terminal UI's frame (Claude Code's and Gemini CLI's `│` boxes, OpenCode's `┃` gutter) borders each
// line of a wrapped error: the borders are not the error's, and between them they cut its JSON body
// (`{"error":{"message": ┃ "…","type": ┃ "BadRequestError"…`) so the body's own fields cannot be read.
const FRAME_CHARS = /[│┃║]/;
const FRAME = new Set(['│', '┃', '║']);
const LEADING_BORDER = /^[ \t]*[│┃║][ \t]?/;
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * Drops each line's leading border (with the blanks before it and one after) and its trailing border
 * (with the blanks around it). The trailing side is scanned by hand: a regex for "blanks, a border,
 * blanks, end of line" retries at every blank of a long run and is quadratic (1.6 s on 64 K spaces).
 * Lines are split on "\n" only: normalizeText has already turned CRLF and lone CR into "\n".
 */
function stripFrameBorders(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const rest = line.replace(LEADING_BORDER, '');
      let end = rest.length;
      while (end > 0 && isBlank(rest[end - 1])) end--;
      if (end === 0 || !FRAME.has(rest[end - 1]!)) return rest;
      end--;
      while (end > 0 && isBlank(rest[end - 1])) end--;
      return rest.slice(0, end);
    })
    .join('\n');
}

/**
 * Normalizes a (redacted) paste: size cap, Unicode compatibility forms (full-width punctuation),
 * smart quotes, ANSI colours, code fences, OCR damage ("rate limit error", "4O4").
 */
export function normalizeText(raw: string): NormalizedText {
  if (looksBinary(raw)) return { text: '', flat: '', lower: '', truncated: false, binary: true };
  const capped = cap(raw);
  let text = mayHold(capped.text, CRLF) ? capped.text.replace(CRLF.re, '\n') : capped.text;
  if (NON_ASCII.test(text)) {
    text = text.normalize('NFKC').replace(SMART_SINGLE, "'").replace(SMART_DOUBLE, '"');
  }
  if (mayHold(text, ANSI)) text = text.replace(ANSI.re, '');
  if (mayHold(text, FENCE_LINE)) text = text.replace(FENCE_LINE.re, '');
  if (FRAME_CHARS.test(text)) text = stripFrameBorders(text);
  text = repairIdentifiers(repairStatusDigits(text));
  const flat = rejoinWrappedTypes(collapseWhitespace(unescape(text)).trim());
  return { text: text.trim(), flat, lower: flat.toLowerCase(), truncated: capped.truncated, binary: false };
}
