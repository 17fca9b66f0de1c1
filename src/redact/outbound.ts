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
 * Lines already found clean. Replies repeat the catalogue's text (causes, fix steps, snippets), so
 * most of an outbound value was checked before; only new lines are scanned. Bounded: emptied when full.
 */
const clean = new Set<string>();
const MAX_CLEAN = 20_000;
/** Longer text is a paste, not a repeated text: checked each time, never kept. */
const MAX_REMEMBERED = 8_000;

function remember(line: string): void {
  if (line.length > MAX_REMEMBERED) return;
  if (clean.size >= MAX_CLEAN) clean.clear();
  clean.add(line);
}

/**
 * True when no line run of `text` that was not seen clean before holds a secret. New lines are
 * checked in blocks of consecutive new lines, so a key wrapped over two new lines is still seen
 * whole; a remembered line holds no key material to join with.
 */
function knownClean(text: string): boolean {
  if (text.length < 6 || clean.has(text)) return true;
  const lines = text.split('\n');
  let block: string[] = [];
  const flush = (): boolean => {
    if (block.length === 0) return true;
    const dirty = redactSecrets(block.join('\n')).findings.length > 0;
    if (!dirty) for (const line of block) remember(line);
    block = [];
    return !dirty;
  };
  for (const line of lines) {
    if (clean.has(line)) {
      if (!flush()) return false;
    } else block.push(line);
  }
  if (!flush()) return false;
  remember(text);
  return true;
}

function guardString(text: string, exit: OutboundExit): string {
  if (knownClean(text)) return text;
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
  let out: Record<string, unknown> | null = null;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    const checked = guardDeep(v, exit, depth + 1);
    if (checked !== v) (out ??= { ...(value as Record<string, unknown>) })[key] = checked;
  }
  return out ?? value;
}

/**
 * The final check on a value leaving through `exit`: a string, or a JSON-like value (every string in
 * it, at any depth). Returns the value unchanged (the same object) when nothing is key-shaped, else
 * a copy with each such run masked and counted.
 */
export function guardOutbound<T>(value: T, exit: OutboundExit): T {
  return guardDeep(value, exit, 0) as T;
}
