/**
 * Bytes from a file or a pipe → text. Windows tools write UTF-16 (PowerShell 5's `>`), old editors
 * and consoles cp1252, and logs carry a stray bad byte; all of these are text a user wants read.
 * Whether the result is binary is decided later, on the text (`looksBinary` in src/normalize).
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'utf-8+windows-1252';

export interface DecodedText {
  text: string;
  /** What the bytes were read as; `utf-8+windows-1252`: UTF-8 with a few bytes that are not. */
  encoding: TextEncoding;
  /** A byte-order mark was present (and dropped). */
  bom: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });
/**
 * cp1252's 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ; the five unassigned bytes
 * stay C1 controls). Node's TextDecoder('windows-1252') reads these as Latin-1 controls instead.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** One byte that is not UTF-8, read as cp1252. */
const cp1252Char = (byte: number) => (byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte));

/** How many leading bytes the UTF-16 guess looks at. */
const SAMPLE = 4096;

/**
 * UTF-16 without a byte-order mark: text in Latin script has a zero in every other byte. Most
 * zeros on one side and almost none on the other says which; NUL-filled binary has zeros on both.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(bytes.length, SAMPLE) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.6 && evenZeros <= pairs * 0.1) return 'utf-16le';
  if (evenZeros >= pairs * 0.6 && oddZeros <= pairs * 0.1) return 'utf-16be';
  return null;
}

/** Length of the well-formed UTF-8 sequence at `i`, or 0 (RFC 3629: no overlongs, no surrogates). */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Text that is not valid UTF-8: well-formed UTF-8 sequences stay UTF-8, every other byte is read as
 * cp1252 (the Windows superset of Latin-1). A cp1252 file ("Grüße") and a UTF-8 log with a few bad
 * bytes both come out readable, never as U+FFFD replacement characters.
 */
function decodeMixed(bytes: Uint8Array): { text: string; multibyte: boolean } {
  const parts: string[] = [];
  let runStart = 0;
  let multibyte = false;
  let i = 0;
  while (i < bytes.length) {
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      if (n > 1) multibyte = true;
      i += n;
      continue;
    }
    if (runStart < i) parts.push(utf8.decode(bytes.subarray(runStart, i)));
    parts.push(cp1252Char(bytes[i]!));
    i += 1;
    runStart = i;
  }
  if (runStart < bytes.length) parts.push(utf8.decode(bytes.subarray(runStart)));
  return { text: parts.join(''), multibyte };
}

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Decodes a file's or a stream's bytes, by byte-order mark, by the UTF-16 zero pattern, as UTF-8, or as cp1252. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { ...decodeBody(bytes.subarray(3)), bom: true };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: utf16le.decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: utf16be.decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  const utf16 = guessUtf16(bytes);
  if (utf16 === 'utf-16le') return { text: utf16le.decode(bytes), encoding: utf16, bom: false };
  if (utf16 === 'utf-16be') return { text: utf16be.decode(bytes), encoding: utf16, bom: false };
  return { ...decodeBody(bytes), bom: false };
}

function decodeBody(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: the expected case for legacy text, so no error to keep.
    const mixed = decodeMixed(bytes);
    return { text: mixed.text, encoding: mixed.multibyte ? 'utf-8+windows-1252' : 'windows-1252' };
  }
}
