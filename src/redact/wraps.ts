import type { Edit } from './view';

/**
 * Keys broken apart on their way in: a terminal wraps a long key onto the next line (or a Claude
 * Code box does, between `│` borders), OCR reads `_` as a space. A secret found by a rule is
 * continued over such gaps while what follows still looks like the same key; a key prefix cut by a
 * wrap is joined before matching. Everything here is a bounded forward scan: linear time.
 */

/** Character classes a secret is written in, as 128-entry ASCII tables. */
export const CHARSETS = {
  key: 'A-Za-z0-9_-',
  word: 'A-Za-z0-9_',
  base64: 'A-Za-z0-9/+=',
  token: 'A-Za-z0-9._~+/=-',
  url: 'A-Za-z0-9%._~+/=-',
  path: 'A-Za-z0-9_/-',
  jwt: 'A-Za-z0-9_.-',
} as const;
export type CharsetName = keyof typeof CHARSETS;

function table(spec: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < spec.length; i++) {
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 2); c++) t[c] = 1;
      i += 2;
    } else t[spec.charCodeAt(i)] = 1;
  }
  return t;
}
const TABLES = Object.fromEntries(Object.entries(CHARSETS).map(([name, spec]) => [name, table(spec)])) as Record<CharsetName, Uint8Array>;

const inSet = (set: Uint8Array, c: number) => c < 128 && set[c] === 1;

/** End of the run of `charset` characters starting at `from`. */
export function runEnd(text: string, from: number, charset: CharsetName): number {
  const set = TABLES[charset];
  let i = from;
  while (i < text.length && inSet(set, text.charCodeAt(i))) i++;
  return i;
}

/** Box borders as drawn by Claude Code and terminals, and as OCR reads them. */
const isBorder = (c: number) => c === 0x7c || c === 0xa6 || c === 0x2502 || c === 0x2503 || c === 0x2551 || (c >= 0x2506 && c <= 0x250b) || c === 0x254e || c === 0x254f;
const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0;

/** A wrap gap is short: a line break with the box borders and padding around it. */
const MAX_GAP = 16;

export interface Gap {
  /** Where the text after the gap starts. */
  next: number;
  /** The gap is a line break (a wrap), not a space inside one line (an OCR'd `_`). */
  newline: boolean;
}

/**
 * The gap at `from` that can sit inside a broken key: one line break with borders and padding, or
 * one or two spaces on the same line. Null for anything else (a blank line ends a key).
 */
export function scanGap(text: string, from: number): Gap | null {
  let i = from;
  let newlines = 0;
  let borders = 0;
  let blanks = 0;
  while (i < text.length && i - from <= MAX_GAP) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (++newlines > 1) return null;
    } else if (isBorder(c)) borders++;
    else if (isBlank(c)) blanks++;
    else break;
    i++;
  }
  if (i === from || i - from > MAX_GAP || i >= text.length) return null;
  if (newlines === 0 && (borders > 0 || blanks > 2)) return null;
  return { next: i, newline: newlines > 0 };
}

/** Ids and names that follow keys in real pastes and are never part of one; and the start of another key. */
const NOT_A_KEY = /^(?:req_|request|toolu_|srvtoolu_|msg_|msgbatch_|file_|claude-|anthropic|https?\b|sk-|gh[pousr]_|github_pat_|xox[a-z]-|xapp-|aiza|ya29\.|akia|asia|hf_)/i;

/**
 * True when a piece of text reads as random key material rather than a word: letters and digits
 * mixed, a capital inside a word, or a long run that is not words joined by `_`/`-`.
 */
export function looksRandom(piece: string): boolean {
  let letters = 0;
  let digits = 0;
  let innerCapital = false;
  let previousLower = false;
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    if (upper || lower) letters++;
    else if (c >= 48 && c <= 57) digits++;
    if (upper && previousLower) innerCapital = true;
    previousLower = lower;
  }
  if (piece.length >= 5 && letters > 0 && digits > 0) return true;
  if (innerCapital && piece.length >= 3) return true;
  return piece.length >= 16 && !/^[A-Za-z]+(?:[_-][A-Za-z]+)*$/.test(piece);
}

export interface ContinueOptions {
  charset: CharsetName;
  /** Length of the secret's body so far. */
  bodyLength: number;
  /** The body's known full length (Anthropic keys: 95); a shorter body is still incomplete. */
  target?: number;
  /** The text is an uncertain reading (OCR): take a piece that fits the missing length. */
  generous: boolean;
}

/** Most pieces a key is continued over: a 95-character key in `_`-separated pieces, wrapped twice. */
const MAX_PIECES = 24;

/**
 * Continues a secret that ends at `end` over wrap and OCR gaps. Returns the new end and the
 * pieces taken (without the gaps), for the strictness check.
 */
export function continueSecret(text: string, end: number, options: ContinueOptions): { end: number; added: string } {
  // Toward the known length, a space inside one line counts: it is an `_` that OCR lost.
  let bodyLength = options.bodyLength;
  let added = '';
  for (let pieces = 0; pieces < MAX_PIECES; pieces++) {
    if (options.target !== undefined && bodyLength >= options.target) break;
    const gap = scanGap(text, end);
    if (!gap) break;
    const pieceEnd = runEnd(text, gap.next, options.charset);
    if (pieceEnd === gap.next) break;
    const piece = text.slice(gap.next, pieceEnd);
    const lost = gap.newline ? 0 : gap.next - end;
    if (!takes(text, piece, pieceEnd, gap, bodyLength + lost, options)) break;
    added += piece;
    bodyLength += lost + piece.length;
    end = pieceEnd;
  }
  return { end, added };
}

function takes(text: string, piece: string, pieceEnd: number, gap: Gap, bodyLength: number, options: ContinueOptions): boolean {
  if (NOT_A_KEY.test(piece)) return false;
  if (looksRandom(piece)) return true;
  const missing = options.target === undefined ? 0 : options.target - bodyLength;
  // The rest of a wrapped key of known length: the wrap put its tail on the next line.
  if (gap.newline && missing > 0 && (bodyLength >= 20 || options.generous) && piece.length <= missing + 4) return true;
  // A reading that lost characters: what fits the missing length is still the key.
  if (!gap.newline && options.generous && missing > 0 && piece.length <= missing + 2) return true;
  // The last few characters after an OCR'd underscore (`…ZdMxBZ AA`) complete a key of known length.
  if (missing > 0 && missing <= 4 && piece.length <= missing) return true;
  // A short piece between two OCR'd underscores ("…kpW Z f2-KT…"): taken when key material follows.
  if (piece.length <= 4) {
    const next = scanGap(text, pieceEnd);
    if (!next) return false;
    const after = text.slice(next.next, runEnd(text, next.next, options.charset));
    return after.length > 0 && !NOT_A_KEY.test(after) && looksRandom(after);
  }
  return false;
}

/**
 * Key prefixes, lower-case. A wrap inside one (`sk-an⏎t-api03-…`) hides the key from every rule, so
 * such a wrap is joined before matching.
 */
const PREFIXES = /sk-ant-[a-z0-9@®©°º]{2,10}-|sk-ant-|sk-proj-|sk-|gh[pousr]_|github_pat_|xox[abposre]-|xapp-|aiza|ya29\.|eyj|akia|asia|hf_|iqojb3jpz2lux2vj|fwogzxivyxdz/g;
const PREFIX_CHARS = CHARSETS.jwt;
const PREFIX_TABLE = table(PREFIX_CHARS);
/** Longest prefix above, so the text around a line break that can hold one is short. */
const PREFIX_REACH = 18;

/**
 * Line-break gaps that cut a key prefix in two, as edits that remove them. One bounded look at
 * each line break: linear time.
 */
export function prefixWrapJoins(text: string): Edit[] {
  const joins: Edit[] = [];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    let start = nl;
    while (start > 0 && nl - start < MAX_GAP && (isBlank(text.charCodeAt(start - 1)) || isBorder(text.charCodeAt(start - 1)))) start--;
    let end = nl + 1;
    while (end < text.length && end - nl < MAX_GAP && (isBlank(text.charCodeAt(end)) || isBorder(text.charCodeAt(end)))) end++;
    if (start === 0 || !inSet(PREFIX_TABLE, text.charCodeAt(start - 1)) || !inSet(PREFIX_TABLE, text.charCodeAt(end))) continue;
    let before = start;
    while (before > 0 && start - before < PREFIX_REACH && inSet(PREFIX_TABLE, text.charCodeAt(before - 1))) before--;
    const head = text.slice(before, start);
    const joined = (head + text.slice(end, end + PREFIX_REACH)).toLowerCase();
    PREFIXES.lastIndex = 0;
    for (let m = PREFIXES.exec(joined); m; m = PREFIXES.exec(joined)) {
      if (m.index < head.length && m.index + m[0].length > head.length) {
        joins.push({ start, end, replacement: '' });
        break;
      }
    }
  }
  return joins;
}
