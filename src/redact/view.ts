/**
 * The text redaction matches on. Pasted and OCR'd text hides keys in ways a pattern over the raw
 * text cannot see: `\u002d`, `&#45;` and `%2D` escapes, zero-width characters and soft hyphens,
 * ANSI colour codes, full-width or typographic dashes. The view undoes them for matching only, and
 * remembers where every view character came from, so a match is masked over its whole original
 * span — escapes, invisible characters and all.
 */
export interface MatchingView {
  readonly text: string;
  /**
   * Offset in the original text where view character `i` starts (`i === text.length`: the original
   * length). Characters the view dropped belong to the view character before them, so a span's end
   * covers invisible characters that trail it.
   */
  toOriginal(i: number): number;
}

/** One change to a text: `[start, end)` becomes `replacement` ('' drops it). */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/**
 * Applies sorted, non-overlapping edits and keeps the offset map as breakpoints: between two
 * breakpoints view and source advance together, so plain text costs one breakpoint.
 */
export function applyEdits(source: string, edits: readonly Edit[], sourceOffset: (i: number) => number = (i) => i): MatchingView {
  if (edits.length === 0) return { text: source, toOriginal: sourceOffset };
  const pieces: string[] = [];
  const viewAt: number[] = [0];
  const sourceAt: number[] = [0];
  let viewLength = 0;
  let last = 0;
  const mark = (view: number, src: number) => {
    if (viewAt[viewAt.length - 1] === view) sourceAt[sourceAt.length - 1] = src;
    else {
      viewAt.push(view);
      sourceAt.push(src);
    }
  };
  for (const edit of edits) {
    pieces.push(source.slice(last, edit.start));
    viewLength += edit.start - last;
    if (edit.replacement !== '') {
      mark(viewLength, edit.start);
      pieces.push(edit.replacement);
      viewLength += edit.replacement.length;
    }
    mark(viewLength, edit.end);
    last = edit.end;
  }
  pieces.push(source.slice(last));
  const text = pieces.join('');
  const toSource = (i: number): number => {
    let lo = 0;
    let hi = viewAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (viewAt[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return sourceAt[lo]! + (i - viewAt[lo]!);
  };
  return { text, toOriginal: (i) => sourceOffset(toSource(i)) };
}

/** Characters that take no room: zero-width spaces and joiners, direction marks, BOM, soft hyphen. */
const isInvisible = (c: number) =>
  c === 0x00ad || c === 0x034f || c === 0x180e || (c >= 0x200b && c <= 0x200f) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff;

/** Full-width forms, typographic dashes and minus signs, read as the ASCII a key is written in. */
function fold(c: number): string {
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000) return ' ';
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63) return '-';
  return String.fromCharCode(c);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  hyphen: '-', dash: '-', minus: '-', lowbar: '_', UnderBar: '_', period: '.', colon: ':', sol: '/', equals: '=', plus: '+',
  quot: '"', apos: "'", amp: '&', lt: '<', gt: '>', num: '#', percnt: '%', quest: '?', commat: '@', nbsp: ' ',
};

const HEX = /^[0-9a-fA-F]+$/;
const SPECIAL = /[\u001b\u00ad\u034f\u180e\u200b-\u200f\u2060-\u2064\ufeff\u2010-\u2015\u2212\ufe58\ufe63\uff01-\uff5e\u3000\\&%]/g;
/** A CSI sequence after ESC: `[`, parameters, intermediates, final byte. Bounded. */
const CSI = /^\[[0-?]{0,24}[ -/]{0,4}[@-~]/;

/** Length of an ANSI escape sequence's tail (what follows ESC) at `i`, or 0. */
function csiLength(text: string, i: number): number {
  const m = CSI.exec(text.slice(i, i + 32));
  return m ? m[0].length : 0;
}

/** The edit for a backslash escape at `i` (`\u002d`, `\x2d`, `\033`, `\n`, `\-`), or null. */
function backslashEdit(text: string, i: number): Edit | null {
  let j = i;
  while (text.charCodeAt(j) === 0x5c && j - i < 16) j++; // \\\\u002d in doubly escaped JSON
  const c = text[j];
  let code = -1;
  let end = j + 1;
  if (c === 'u' && HEX.test(text.slice(j + 1, j + 5)) && j + 5 <= text.length) {
    code = parseInt(text.slice(j + 1, j + 5), 16);
    end = j + 5;
  } else if (c === 'x' && HEX.test(text.slice(j + 1, j + 3)) && j + 3 <= text.length) {
    code = parseInt(text.slice(j + 1, j + 3), 16);
    end = j + 3;
  } else if (c === '0' && text.slice(j, j + 3) === '033') {
    code = 0x1b;
    end = j + 3;
  } else if (c === 'e' && text[j + 1] === '[') {
    code = 0x1b;
  } else if (c === 'n') return { start: i, end, replacement: '\n' };
  else if (c === 'r') return { start: i, end, replacement: '\r' };
  else if (c === 't') return { start: i, end, replacement: '\t' };
  else if (c !== undefined && '-_/"\'.=+:'.includes(c)) return { start: i, end, replacement: c };
  if (code < 0) return null;
  if (code === 0x1b) return { start: i, end: end + csiLength(text, end), replacement: '' };
  if (isInvisible(code)) return { start: i, end, replacement: '' };
  return { start: i, end, replacement: fold(code) };
}

/** The edit for an HTML entity at `i` (`&#45;`, `&#x2d;`, `&hyphen;`), or null. */
function entityEdit(text: string, i: number): Edit | null {
  const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/.exec(text.slice(i, i + 12));
  if (!m) return null;
  const end = i + m[0].length;
  if (m[3] !== undefined) {
    const named = NAMED_ENTITIES[m[3]];
    return named === undefined ? null : { start: i, end, replacement: named };
  }
  const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2]!, 16);
  if (code > 0xffff) return null;
  if (isInvisible(code)) return { start: i, end, replacement: '' };
  return { start: i, end, replacement: fold(code) };
}

/** The edit for a percent escape at `i` (`%2D`), only for printable ASCII. */
function percentEdit(text: string, i: number): Edit | null {
  const hex = text.slice(i + 1, i + 3);
  if (hex.length !== 2 || !HEX.test(hex)) return null;
  const code = parseInt(hex, 16);
  return code > 0x20 && code < 0x7f ? { start: i, end: i + 3, replacement: String.fromCharCode(code) } : null;
}

/** Edits that undo encoding and OCR damage, in one linear pass over the special characters. */
function decodingEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(text); m; m = SPECIAL.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    let edit: Edit | null;
    if (c === 0x5c) edit = backslashEdit(text, i);
    else if (c === 0x26) edit = entityEdit(text, i);
    else if (c === 0x25) edit = percentEdit(text, i);
    else if (c === 0x1b) edit = { start: i, end: i + 1 + csiLength(text, i + 1), replacement: '' };
    else if (isInvisible(c)) edit = { start: i, end: i + 1, replacement: '' };
    else edit = { start: i, end: i + 1, replacement: fold(c) };
    if (edit) {
      edits.push(edit);
      SPECIAL.lastIndex = edit.end;
    } else if (c === 0x5c) {
      // A backslash run that is no escape: its other backslashes start none either.
      let j = i;
      while (text.charCodeAt(j) === 0x5c && j - i < 16) j++;
      SPECIAL.lastIndex = Math.max(i + 1, j - 1);
    }
  }
  return edits;
}

/** The matching view of `text`: escapes decoded, invisible characters and ANSI codes dropped, forms folded. */
export function matchingView(text: string): MatchingView {
  return applyEdits(text, decodingEdits(text));
}
