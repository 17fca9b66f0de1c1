import { describe, expect, it } from 'vitest';
import { composeText, MIN_PAGE_CONFIDENCE } from '../../src/ocr/compose-text';

const line = (text: string, confidence = 0.9) => ({ text, confidence });

describe('composing the OCR text', () => {
  it('keeps paragraphs apart with a blank line and drops empty lines', () => {
    const { text, lines } = composeText([[line('$ python app.py'), line('  ')], [line('anthropic.RateLimitError: Error code: 429')]], 0.9);
    expect(text).toBe('$ python app.py\n\nanthropic.RateLimitError: Error code: 429');
    expect(lines.map((l) => l.text)).toEqual(['$ python app.py', 'anthropic.RateLimitError: Error code: 429']);
  });

  it.each([
    ['(XX', 0.65, false],
    ['e000', 0.34, false],
    ['LN NJ', 0.44, false],
    ['400', 0.96, true],
    ['$', 0.9, true],
    ['s://status. claude. com.', 0.12, true],
  ])('window chrome %j (confidence %d) kept: %s', (text, confidence, kept) => {
    expect(composeText([[line(text, confidence), line('Error code: 529 Overloaded')]], 0.8).text.includes(text)).toBe(kept);
  });

  it('returns no text for a page read with too little confidence (noise, photos)', () => {
    const garbage = [[line('Gi Te a Pon', 0.14), line('SLE sg Seo loa el', 0.13)]];
    expect(composeText(garbage, MIN_PAGE_CONFIDENCE - 0.01)).toEqual({ text: '', lines: [] });
  });
});
