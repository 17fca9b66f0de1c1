import { looksLikeSecret } from '../redact';

/**
 * A last, cheap check before text leaves for the model. The core's redaction runs first and is the
 * real defence; this refuses to send text that still holds a live-looking credential (say, one that
 * normalization put back together), because the one mistake we must never make is forwarding a
 * user's key to an API. Masks such as `sk-ant-api03-[REDACTED]` do not match.
 */
const LIVE_SECRET_PATTERNS: readonly RegExp[] = [
  /sk-ant-[A-Za-z0-9]{2,10}-[A-Za-z0-9_-]{16,}/, // sk-ant-api03-..., sk-ant-admin01-..., sk-ant-oat01-...
  /\bsk-ant-[A-Za-z0-9_-]{24,}/, // the same family, loosely
  /\bBearer\s+[A-Za-z0-9._~+/-]{20,}=*/i, // Authorization: Bearer <token>
  /\bx-api-key\s*[:=]\s*["']?[A-Za-z0-9_-]{24,}/i,
];

/** True when `text` still looks like it carries a usable secret. Returns nothing about where. */
export function looksLikeLiveSecret(text: string): boolean {
  return looksLikeSecret(text) || LIVE_SECRET_PATTERNS.some((pattern) => pattern.test(text));
}
