import { redactSecrets } from './redact';

/**
 * The one gate for everything that leaves the process. Redaction runs first, on the paste; text
 * is then cut, joined, normalized, quoted, rendered and serialized, and any of those steps (or a
 * model's answer) could put a key-shaped run back together. Every exit passes its value through
 * `guardOutbound` last: what still looks like a secret is masked, and counted, so a gap in the
 * redaction shows up in the metrics instead of in a channel.
 */
export const OUTBOUND_EXITS = [
  'diagnosis', // the Diagnosis every adapter renders: reply, title, signals, document
  'chat', // every Slack and Discord message as sent (notices that quote a file name included)
  'cli', // `diagnose` stdout: markdown, --json, --jsonl (the `error` field included)
  'log', // every log record and line
  'model-request', // the model fallback's request
  'review-queue', // stored pastes awaiting review
] as const;
export type OutboundExit = (typeof OUTBOUND_EXITS)[number];

const maskedByExit = new Map<OutboundExit, number>(OUTBOUND_EXITS.map((exit) => [exit, 0]));

/** Secrets the gate had to mask since start, by exit. Non-zero means the redaction missed one. */
export function outboundMaskedCounts(): Record<OutboundExit, number> {
  return Object.fromEntries(maskedByExit) as Record<OutboundExit, number>;
}

/**
 * Text already found clean, whole strings and their lines. Replies repeat the catalogue's text
 * (causes, fix steps, snippets), so most of an outbound value was checked before; only new lines
 * are scanned. Bounded by characters (8 MB of UTF-16): emptied when full.
 */
const clean = new Set<string>();
const MAX_CLEAN_CHARS = 4_000_000;
let cleanChars = 0;
/** Longer text is a paste, not a repeated text: checked each time, never kept. */
const MAX_REMEMBERED = 8_000;
/** No secret fits in fewer characters (`://a:b@` is the shortest). */
const MIN_SECRET = 7;

function remember(text: string): void {
  if (text.length > MAX_REMEMBERED || clean.has(text)) return;
  if (cleanChars + text.length > MAX_CLEAN_CHARS) {
    clean.clear();
    cleanChars = 0;
  }
  clean.add(text);
  cleanChars += text.length;
}

/**
 * The parts of `text` not seen clean: each run of consecutive new lines, with the line before and
 * the line after it, so a key wrapped over two lines is seen whole even when one of them was seen
 * before. (A key made only of lines that each went out before, in another order, is the one case
 * this does not see; the paste's own redaction has handled wraps before the gate.)
 */
function unseenBlocks(text: string, into: string[]): void {
  if (text.length < MIN_SECRET || clean.has(text)) return;
  if (!text.includes('\n')) {
    into.push(text);
    return;
  }
  const lines = text.split('\n');
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const seen = i === lines.length || clean.has(lines[i]!);
    if (!seen && start < 0) start = i;
    if (seen && start >= 0) {
      into.push(lines.slice(Math.max(0, start - 1), Math.min(lines.length, i + 1)).join('\n'));
      start = -1;
    }
  }
}

/** Keeps blocks apart in the one-pass check: a blank line and a NUL end any secret. */
const SEPARATOR = '\n\n\u0000\n\n';

function rememberAll(strings: readonly string[]): void {
  for (const text of strings) {
    remember(text);
    if (text.includes('\n')) for (const line of text.split('\n')) remember(line);
  }
}

function guardString(text: string, exit: OutboundExit): string {
  const result = redactSecrets(text);
  if (result.findings.length === 0) return text;
  maskedByExit.set(exit, maskedByExit.get(exit)! + result.findings.length);
  return result.text;
}

/** Deeper than any value that leaves on purpose; a cycle or a payload ends here. */
const MAX_DEPTH = 12;

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** Masks every string in a JSON-like value; unchanged parts (and an unchanged whole) keep their identity. */
function guardDeep(value: unknown, exit: OutboundExit, depth: number): unknown {
  if (typeof value === 'string') return guardString(value, exit);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const checked = guardDeep(value[i], exit, depth + 1);
      if (checked !== value[i]) (out ??= [...value])[i] = checked;
    }
    return out ?? value;
  }
  if (!isPlainObject(value)) return value;
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const key in record) {
    const checkedKey = guardString(key, exit);
    const checked = guardDeep(record[key], exit, depth + 1);
    if (checkedKey !== key) {
      out ??= { ...record };
      delete out[key];
      out[checkedKey] = checked;
    } else if (checked !== record[key]) (out ??= { ...record })[key] = checked;
  }
  return out ?? value;
}

function collectStrings(value: unknown, into: string[], depth: number): void {
  if (typeof value === 'string') into.push(value);
  else if (value !== null && typeof value === 'object' && depth < MAX_DEPTH) {
    if (Array.isArray(value)) for (const v of value) collectStrings(v, into, depth + 1);
    else if (isPlainObject(value)) {
      // Keys too: a headers map or a parsed paste can carry a secret as a key.
      for (const key in value) {
        into.push(key);
        collectStrings((value as Record<string, unknown>)[key], into, depth + 1);
      }
    }
  }
}

/**
 * The final check on a value leaving through `exit`: a string, or a JSON-like value (every string in
 * it, keys included, at any depth). Returns the value unchanged (the same object) when nothing is key-shaped, else
 * a copy with each such run masked and counted. Text not seen before is checked in one pass; only
 * when that pass finds something is each string checked (and masked) on its own.
 */
export function guardOutbound<T>(value: T, exit: OutboundExit): T {
  const strings: string[] = [];
  collectStrings(value, strings, 0);
  const unseen: string[] = [];
  for (const text of strings) unseenBlocks(text, unseen);
  if (unseen.length === 0) return value;
  if (redactSecrets(unseen.join(SEPARATOR)).findings.length === 0) {
    rememberAll(strings);
    return value;
  }
  return guardDeep(value, exit, 0) as T;
}
