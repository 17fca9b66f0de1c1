import { EMPTY_SIGNALS, type Signals } from '../../../src/contracts';
import type { CatalogIndexEntry } from '../../../src/fallback';
import type { FallbackRequest } from '../../../src/ports';

/** A small catalogue index shaped like the real one. */
export const INDEX: CatalogIndexEntry[] = [
  { id: 'rate-limit', title: 'Rate limit exceeded (429)', category: 'rate_limit' },
  { id: 'overloaded', title: 'API overloaded (529)', category: 'overloaded' },
  { id: 'invalid-api-key', title: 'Invalid API key (401)', category: 'auth.invalid_key' },
  { id: 'prompt-too-long', title: 'Prompt is too long', category: 'request.prompt_too_long' },
  { id: 'model-not-found', title: 'Model not found (404)', category: 'model.not_found' },
  { id: 'network-timeout', title: 'Request timed out', category: 'network.timeout' },
];

export const VAGUE_PASTE = 'my claude thing just stopped working, it says something went wrong and then nothing happens';

let counter = 0;
/** A fallback request; each call gets its own cache key unless one is given. */
export function fallbackRequest(
  overrides: Partial<Omit<FallbackRequest, 'signals'>> & { signals?: Partial<Signals> } = {},
): FallbackRequest {
  counter += 1;
  const text = overrides.text ?? `${VAGUE_PASTE} (#${counter})`;
  return {
    text,
    signals: { ...EMPTY_SIGNALS, ...overrides.signals },
    candidates: overrides.candidates ?? [{ entry: 'network-timeout', category: 'network.timeout', confidence: 0.22 }],
    user: overrides.user ?? 'U-test',
    cacheKey: overrides.cacheKey ?? text,
  };
}

/** A valid answer picking a catalogue entry. */
export const pickAnswer = (entry = 'network-timeout') => ({
  entry,
  status: null,
  type: null,
  category: 'network.timeout',
  explanation: 'The client gave up before the API answered, so the request looks like it silently failed.',
  fix: ['Raise the client timeout or stream the response.', 'Retry with backoff.'],
  confidence: 0.7,
});
