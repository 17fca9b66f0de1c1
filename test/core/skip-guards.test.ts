import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../src/extract/numbers';
import { repairStatusDigits } from '../../src/normalize/repairs';
import { everyText } from '../support/every-text';

/**
 * Two passes return early when a cheap test says they cannot change anything: the OCR status
 * repair when no 4xx/5xx holds an O, the number reading when the message has no digit. Over every
 * text the project holds (and forms that exercise each pass), the early return must give what the
 * whole pass gives.
 */
const SAMPLES = ['Error code: 4O4', 'HTTP 5o0 and 429', '4OO Bad Request', 'max_tokens: 1,024 > 512', 'no digits here', '40 4O 4004 4O4O'];

/** The repair as it runs without its early return. */
const fullRepair = (text: string) =>
  text.replace(/\b([45])([0-9Oo])([0-9Oo])\b/g, (m, a: string, b: string, c: string) =>
    /[Oo]/.test(b + c) ? `${a}${b.replace(/[Oo]/, '0')}${c.replace(/[Oo]/, '0')}` : m,
  );

/** The number reading as it runs without its early return. */
const fullNumbers = (message: string) =>
  [...message.matchAll(/(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\w.-])\d+(?:\.\d+)?(?![\w-])/g)]
    .map((m) => Number(m[0].replace(/,/g, '')))
    .filter(Number.isFinite)
    .slice(0, 16);

describe('early returns of the normalization and extraction passes', () => {
  const texts = [...everyText().map((t) => t.text), ...SAMPLES];

  it('the OCR status repair gives what the whole pass gives', () => {
    expect(texts.filter((t) => repairStatusDigits(t) !== fullRepair(t))).toEqual([]);
    // Not vacuous: the repair does change some texts.
    expect(texts.filter((t) => repairStatusDigits(t) !== t).length).toBeGreaterThan(0);
  });

  it('the number reading gives what the whole pass gives', () => {
    const differ = texts.filter((t) => JSON.stringify(extractNumbers(t.slice(0, 600))) !== JSON.stringify(fullNumbers(t.slice(0, 600))));
    expect(differ).toEqual([]);
    expect(texts.filter((t) => !/\d/.test(t)).length).toBeGreaterThan(0);
  });
});
