import { loadCatalog } from '../../src/catalog';
import { type NeighbourRow, prepareText } from '../../src/neighbours';

/** Two entries are enough to control what the rules can answer. */
export const catalog = loadCatalog().filter((e) => e.id === 'rate-limit' || e.id === 'other-provider-error');
export const RATE_LIMIT =
  "anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'This request would exceed the rate limit for your organization of 40,000 input tokens per minute.'}}";
/** An error no rule of the two reads. */
export const UNREAD = 'FooTool run 12 failed: the widget frobnicator jammed (code 8812) at step 3; see /var/log/foo/12.log';
export const UNREAD_AGAIN = 'FooTool run 907 failed: the widget frobnicator jammed (code 4410) at step 9; see /var/log/foo/907.log';

/** A labelled paste as catalog/neighbours.jsonl holds it. */
export const row = (id: string, text: string, category: NeighbourRow['category'], entry: string | null, set = 'holdout-9z'): NeighbourRow => ({
  id,
  set,
  source: `https://github.com/example/project/issues/${id}`,
  category,
  entry,
  text: prepareText(text),
});
