import { describe, expect, it } from 'vitest';
import { NeedleIndex } from '../../src/scan';

describe('NeedleIndex (one-pass multi-string search)', () => {
  const needles = ['rate limit', 'limit', 'credit balance', 'he', 'she', 'his', 'hers', '无可用渠道', 'x-api-key'];
  const index = new NeedleIndex(needles);
  const present = (text: string) => {
    const { has, found } = index.scan(text);
    expect([...found].sort()).toEqual(needles.flatMap((_, id) => (has(id) ? [id] : [])).sort());
    return needles.filter((_, id) => has(id));
  };

  it('finds exactly the needles that occur, overlapping ones included', () => {
    for (const text of ['ushers', 'your credit balance is too low', 'would exceed the rate limit', 'invalid x-api-key', '错误: 无可用渠道', '', 'nothing here']) {
      expect(present(text), text).toEqual(needles.filter((n) => text.includes(n)));
    }
  });

  it('agrees with includes() on random texts', () => {
    let x = 7;
    const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648);
    const alphabet = 'abcdehilmrst -x';
    for (let i = 0; i < 300; i++) {
      let text = '';
      for (let j = rnd() % 60; j > 0; j--) text += alphabet[rnd() % alphabet.length];
      expect(present(text), text).toEqual(needles.filter((n) => text.includes(n)));
    }
  });

  it('forgets the previous scan', () => {
    const first = index.scan('rate limit');
    expect(first.has(0)).toBe(true);
    const second = index.scan('nothing');
    expect(second.has(0)).toBe(false);
    expect(second.found).toEqual([]);
  });

  it('agrees with includes() when the states outgrow a 16-bit table', () => {
    let x = 11;
    const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648);
    const word = (length: number) => Array.from({ length }, () => 'abcdehilmrst -x'[rnd() % 15]).join('');
    const many = Array.from({ length: 1800 }, () => word(40));
    const big = new NeedleIndex(many);
    const texts = [...many.slice(0, 50).map((n, i) => `${word(i)}${n}${word(7)}`), ...Array.from({ length: 50 }, () => word(400))];
    for (const text of texts) {
      const { has } = big.scan(text);
      expect(many.flatMap((n, id) => (has(id) ? [id] : [])), text).toEqual(many.flatMap((n, id) => (text.includes(n) ? [id] : [])));
    }
  });
});
