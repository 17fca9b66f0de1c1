import { describe, expect, it } from 'vitest';
import { chunkEscaped, escapedPrefix, escapeMrkdwn } from '../../adapters/slack/mrkdwn';

describe('escapeMrkdwn', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['@here now', '@\u2060here now'],
    ['mail@everyone.com', 'mail@\u2060everyone.com'],
    ['plain', 'plain'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });
});

describe('chunkEscaped', () => {
  it('never cuts through an entity', () => {
    const chunks = chunkEscaped('&'.repeat(5_000), 2_900);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(2_900);
      expect(c).toMatch(/^(&amp;)+$/);
    }
  });

  it('cuts at line breaks when it can', () => {
    const chunks = chunkEscaped(`${'a'.repeat(60)}\n${'b'.repeat(60)}`, 100);
    expect(chunks).toEqual(['a'.repeat(60), 'b'.repeat(60)]);
  });

  it('neutralises broadcasts even inside a line cut character by character', () => {
    const joined = chunkEscaped(`${'x'.repeat(150)} @channel ${'y'.repeat(150)}`, 100).join('');
    expect(joined).not.toMatch(/@channel/);
  });

  it('does not split emoji surrogate pairs', () => {
    for (const c of chunkEscaped('😀'.repeat(200), 101)) expect(c).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});

describe('escapedPrefix', () => {
  it('marks a cut with an ellipsis and stays under the limit', () => {
    const p = escapedPrefix('<'.repeat(1_000), 100);
    expect(p.length).toBeLessThanOrEqual(100);
    expect(p.endsWith('…')).toBe(true);
  });
});
