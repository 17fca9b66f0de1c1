import { describe, expect, it } from 'vitest';
import { foldFocus, MAX_FOLDED_CHARS } from '../../src/neighbours/prepare';
import { NeighbourIndex } from '../../src/neighbours';

const RATE_LIMIT =
  "anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'This request would exceed the rate limit for your organization (3f1c2a9e-1b2c-4d5e-8f90-123456789abc) of 40,000 input tokens per minute.'}, 'request_id': 'req_011CSHoEeqs5C35K2UUqR7Fy'}";
const OVERLOADED = 'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CbfNDEmRsYuh4rH3wXk2T"}';
const CREDIT = 'Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."}}';

const index = NeighbourIndex.build([RATE_LIMIT, OVERLOADED, CREDIT].map((text, i) => ({ row: ['rate', 'overloaded', 'credit'][i]!, folded: foldFocus(text) })));

describe('the neighbour index', () => {
  it('finds the same error again whatever its ids, numbers and times', () => {
    const again = RATE_LIMIT.replace('3f1c2a9e-1b2c-4d5e-8f90-123456789abc', '00000000-aaaa-bbbb-cccc-dddddddddddd')
      .replace('40,000', '8,000')
      .replace('req_011CSHoEeqs5C35K2UUqR7Fy', 'req_011CZZZZZZZZZZZZZZZZZZZZ');
    const [first, second] = index.nearest(foldFocus(again), 3);
    expect(first).toEqual({ row: 'rate', similarity: expect.closeTo(1, 5) });
    expect(second!.similarity).toBeLessThan(0.5);
  });

  it('ranks by similarity and returns at most k pastes', () => {
    const found = index.nearest(foldFocus('API Error: 529 overloaded_error Overloaded, try again'), 2);
    expect(found.map((n) => n.row)).toEqual(['overloaded', expect.any(String)]);
    expect(found[0]!.similarity).toBeGreaterThan(found[1]!.similarity);
  });

  it('tells errors apart by their HTTP status, which folding keeps', () => {
    expect(foldFocus('Error 529 at 12:01:02 after 3 retries')).toBe('error 529 at <time> after <n> retries');
    const status = NeighbourIndex.build([
      { row: '429', folded: foldFocus('API Error: 429 Too many requests') },
      { row: '529', folded: foldFocus('API Error: 529 Too many requests') },
    ]);
    expect(status.nearest(foldFocus('API Error: 529 Too many requests'), 1)[0]!.row).toBe('529');
  });

  it('finds nothing for text that shares no gram with any paste', () => {
    expect(index.nearest(foldFocus('ßßßß ∂∂∂∂'), 5)).toEqual([]);
  });

  it('compares the head and the tail of a long paste', () => {
    const long = foldFocus(`${'a'.repeat(50_000)} ${OVERLOADED}`);
    expect(long.length).toBeLessThanOrEqual(MAX_FOLDED_CHARS + 1);
    expect(index.nearest(long, 1)[0]!.row).toBe('overloaded');
  });
});
