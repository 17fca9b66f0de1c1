import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/scan';

describe('requiredLiterals (regex prefilter)', () => {
  it.each([
    ['credit balance is too low', ['credit balance is too low']],
    ["would exceed (?:the|your organization's) rate limit|per-minute rate limit", ['would exceed ', 'per-minute rate limit']],
    ['prompt is too long: \\d+ tokens', ['prompt is too long: ']],
    ['max[_ ]tokens must be greater', ['tokens must be greater']],
    ['Streaming is (?:required|strongly recommended)', ['streaming is ']],
    ['colou?r scheme', ['r scheme']],
    ['\\bRepeated 529 Overloaded', ['repeated 529 overloaded']],
    ['x-api-key', ['x-api-key']],
    // a non-ASCII character counts twice: two CJK characters are a usable literal
    ['(?:超过|超過) ?10 ?分钟.{0,20}(?:流式|串流)', ['超过', '超過']],
    // counted quantifiers are syntax: their digits are never text the paste must hold
    ['Input tag .{1,40} found using', [' found using']],
    ['aaa{2,}bcde', ['bcde']],
  ])('%s → %j', (source, literals) => {
    expect(requiredLiterals(source)).toEqual(literals);
  });

  it.each(['\\d+ > \\d+', 'ab|cdefg', '(?:foo|bar)baz', '.*', '超 ?10 ?分.{0,20}流'])('gives no prefilter when an alternative has no literal: %s', (source) => {
    expect(requiredLiterals(source)).toBeNull();
  });

  it('never filters out a text the regex matches', () => {
    const sources = ["would exceed (?:the|your organization's) rate limit", 'max[_ ]tokens must be greater', 'colou?r scheme', 'a+bcde+fgh'];
    const texts = ["This request would exceed your organization's rate limit", 'max tokens must be greater', 'color scheme', 'aaabcdeeeefgh'];
    sources.forEach((source, i) => {
      const re = new RegExp(source, 'i');
      expect(re.test(texts[i]!)).toBe(true);
      expect(requiredLiterals(source)!.some((l) => texts[i]!.toLowerCase().includes(l))).toBe(true);
    });
  });
});

describe('requiredLiterals inside groups', () => {
  it.each([
    ['\\b(?:SELF_SIGNED_CERT_IN_CHAIN|CERT_HAS_EXPIRED)\\b', ['self_signed_cert_in_chain', 'cert_has_expired']],
    ['(?:Async)?Messages\\.create', ['messages.create']],
    ['\\b(?:foo|ab)\\b', null],
    ['(?:abc)?(?:defgh|ijklm)', ['defgh', 'ijklm']],
    ['(?=lookahead)x', null],
  ])('%s → %j', (source, literals) => {
    expect(requiredLiterals(source)).toEqual(literals);
  });
});
