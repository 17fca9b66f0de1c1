import { redactSecrets } from '../redact';

/**
 * The one gate every stored value passes (shared store, review queue): each string in it is
 * redacted, however deep. Callers already hand in redacted text; this is the last net, kept in
 * one place so a stricter outbound check can replace `redactSecrets` here alone.
 */
export function redactForStorage<T>(value: T): T {
  return redactValue(value, 0) as T;
}

/** Deeper than anything we store on purpose; deeper structures are cut rather than walked. */
const MAX_DEPTH = 12;

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactSecrets(value).text;
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[redactSecrets(key).text] = redactValue(v, depth + 1);
  return out;
}
