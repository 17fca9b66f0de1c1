import { guardOutbound } from '../redact/outbound';

/**
 * The one gate every stored value passes (shared store, review queue): the same outbound check as
 * every other exit, over each string and key however deep. Callers already hand in redacted text;
 * this is the last net, and a mask here is counted like any other exit's.
 */
export function redactForStorage<T>(value: T): T {
  return guardOutbound(value, 'review-queue');
}
