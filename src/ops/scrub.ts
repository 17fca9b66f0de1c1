import { guardOutbound } from '../redact';

/** Deeper than any record we log on purpose; deeper structures are someone's payload. */
const MAX_DEPTH = 8;
/** Long strings in logs are pastes or payloads; a cap limits what a mistake can leak. */
const MAX_STRING = 4_000;

const scrubString = (s: string): string => {
  const masked = guardOutbound(s, 'log');
  return masked.length > MAX_STRING ? `${masked.slice(0, MAX_STRING)}…[${masked.length - MAX_STRING} more chars]` : masked;
};

/**
 * An Error as a plain object with every string masked. Own enumerable fields (an SDK error's
 * `status`, `code`, `headers`) are kept because they explain the failure.
 */
function scrubError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.name, message: scrubString(error.message) };
  if (error.stack) out.stack = scrubString(error.stack);
  for (const [key, value] of Object.entries(error)) {
    if (!(key in out)) out[key] = scrubValue(value, depth + 1, seen);
  }
  if (error.cause !== undefined) out.cause = scrubValue(error.cause, depth + 1, seen);
  return out;
}

function scrubValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  switch (typeof value) {
    case 'string':
      return scrubString(value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return value;
    case 'bigint':
      return value.toString();
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return null;
  const obj = value as object;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (seen.has(obj)) return '[circular]';
  seen.add(obj);
  try {
    // Bytes are screenshots or files: never log their content.
    if (ArrayBuffer.isView(obj) || obj instanceof ArrayBuffer) return `[${obj.byteLength} bytes]`;
    if (obj instanceof Error) return scrubError(obj, depth, seen);
    if (obj instanceof Date) return obj.toISOString();
    if (Array.isArray(obj)) return obj.map((v) => scrubValue(v, depth + 1, seen));
    if (obj instanceof Map) return scrubValue(Object.fromEntries(obj), depth, seen);
    if (obj instanceof Set) return scrubValue([...obj], depth, seen);
    const toJSON = (obj as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return scrubValue(toJSON.call(obj), depth + 1, seen);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(obj)) out[key] = scrubValue(v, depth + 1, seen);
    return out;
  } finally {
    seen.delete(obj);
  }
}

/** Masks every secret in every string of a log value (messages, nested fields, errors, causes). */
export function scrub(value: unknown): unknown {
  return scrubValue(value, 0, new WeakSet());
}

/** `scrub` for a log record or bindings object, which must stay an object. */
export function scrubRecord(record: object): Record<string, unknown> {
  const out = scrub(record);
  return out !== null && typeof out === 'object' && !Array.isArray(out) ? (out as Record<string, unknown>) : { value: out };
}

export { scrubString };
