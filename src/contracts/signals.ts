import { z } from 'zod';
import { PROVIDERS } from '../knowledge/providers';
import { ClientIdSchema } from './clients';

/** Another provider whose errors look like Claude's (catalog/providers.yaml); a paste from one of them is out of scope. */
export const ForeignProviderSchema = z.enum(PROVIDERS.foreignIds);
export type ForeignProvider = z.infer<typeof ForeignProviderSchema>;
/** Another service's error envelope (catalog/providers.yaml `envelopes`). */
export const ForeignEnvelopeSchema = z.enum(PROVIDERS.envelopeIds);

/**
 * Everything extracted from a paste. `null` means "not in the paste"; nothing here is guessed
 * beyond what the text shows.
 */
export const SignalsSchema = z.object({
  status: z.number().int().nullable(),
  type: z.string().nullable(),
  message: z.string().nullable(),
  requestId: z.string().nullable(),
  /** From `retry-after-ms` / `retry-after` (seconds or HTTP date), in seconds. */
  retryAfterSeconds: z.number().nullable(),
  /** `anthropic-ratelimit-*` headers as pasted (lower-case names). */
  rateLimitHeaders: z.record(z.string(), z.string()),
  /** True when the paste shows HTTP response headers (curl -i, an SDK headers dump). */
  headersPresent: z.boolean(),
  /** `error.details.error_code`, e.g. `enforced_spend_limit_reached`. */
  errorCode: z.string().nullable(),
  /** `x-should-retry` header, when pasted. */
  shouldRetry: z.boolean().nullable(),
  model: z.string().nullable(),
  sdkException: z.string().nullable(),
  client: ClientIdSchema.nullable(),
  cloud: z.enum(['bedrock', 'vertex']).nullable(),
  /** Numbers inside the error message, in order (`prompt is too long: 203284 tokens > 200000`). */
  numbers: z.array(z.number()),
  foreignProvider: ForeignProviderSchema.nullable(),
  /** Claude or Anthropic named anywhere (a name in prose, a req_ id, a type name …): who the request was for, not who answered. */
  anthropicEvidence: z.boolean(),
  /** The error text came from Claude: a mark the API or its official clients print, or an Anthropic app printed it (src/extract/source.ts). */
  claudeSignal: z.boolean(),
  /** The paste shows an API error: an HTTP status, an error type, a request id, or a client's "API Error:" line. */
  apiError: z.boolean(),
  /** Something in the paste is an error of some program (an API error, an exception, a stack frame, a URL …), not junk or chat. */
  showsError: z.boolean(),
  /** The error body has another service's envelope (Google's `"status": "INVALID_ARGUMENT"` …), or null. */
  foreignEnvelope: ForeignEnvelopeSchema.nullable(),
  /** How many distinct error bodies the paste holds; the one above is the primary. */
  errorCount: z.number().int(),
});
export type Signals = z.infer<typeof SignalsSchema>;

export const EMPTY_SIGNALS: Signals = {
  status: null,
  type: null,
  message: null,
  requestId: null,
  retryAfterSeconds: null,
  rateLimitHeaders: {},
  headersPresent: false,
  errorCode: null,
  shouldRetry: null,
  model: null,
  sdkException: null,
  client: null,
  cloud: null,
  numbers: [],
  foreignProvider: null,
  anthropicEvidence: false,
  claudeSignal: false,
  apiError: false,
  showsError: false,
  foreignEnvelope: null,
  errorCount: 0,
};
