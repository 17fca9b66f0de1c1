import { describe, expect, it } from 'vitest';
import { applyEdits, matchingView } from '../../src/redact/view';

/** The matching view: what redaction reads, and the way back to the original offsets it masks. */
describe('matchingView', () => {
  it.each([
    ['JSON \\u escapes', 'sk\\u002dant\\u002d', 'sk-ant-'],
    ['doubly escaped JSON', 'sk\\\\u002dant', 'sk-ant'],
    ['Python \\x escapes', 'sk\\x2dant', 'sk-ant'],
    ['markdown escapes', 'abc\\_def\\-x', 'abc_def-x'],
    ['numeric and named entities', 'sk&#45;ant&#x2D;api&hyphen;03&lowbar;', 'sk-ant-api-03_'],
    ['percent escapes', 'sk%2Dant%2dx%20y', 'sk-ant-x%20y'],
    ['zero-width characters and the soft hyphen', 'sk\u200b-an\u00adt-\ufeffa', 'sk-ant-a'],
    ['ANSI codes, raw and escaped', 'ab\u001b[31mcd\u001b[0m\\u001b[1mef', 'abcdef'],
    ['full-width forms and typographic dashes', 'ｓｋ－ａｎｔ‐x−y', 'sk-ant-x-y'],
    ['a backslash run that is no escape', '\\\\\\\\d', '\\\\\\\\d'],
  ])('undoes %s', (_name, original, view) => {
    expect(matchingView(original).text).toBe(view);
  });

  it('maps each view character back to where it starts in the original', () => {
    const original = 'k=sk\\u002dant&#45;x\u200by';
    const view = matchingView(original);
    expect(view.text).toBe('k=sk-ant-xy');
    const starts = [...view.text].map((_, i) => view.toOriginal(i));
    expect(starts).toEqual([0, 1, 2, 3, 4, 10, 11, 12, 13, 18, 20]);
    // The end of the text maps to the end of the original: a span to it covers the ZWSP too.
    expect(view.toOriginal(view.text.length)).toBe(original.length);
    expect(original.slice(view.toOriginal(2), view.toOriginal(9))).toBe('sk\\u002dant&#45;');
  });

  it('composes: edits on a view still map to the first original', () => {
    const first = matchingView('ab\\u002d\ncd');
    const joined = applyEdits(first.text, [{ start: 3, end: 4, replacement: '' }], first.toOriginal);
    expect(joined.text).toBe('ab-cd');
    expect(joined.toOriginal(3)).toBe(9);
    expect(joined.toOriginal(5)).toBe(11);
  });
});
