import { describe, expect, it } from 'vitest';
import type { Guarded } from '../../src/normalize/guard';
import { collapseWhitespace, NORMALIZE_GUARDS } from '../../src/normalize/normalize';
import { REPAIR_GUARDS } from '../../src/normalize/repairs';
import { everyText } from '../support/every-text';

/**
 * Normalization skips a pass when the paste holds none of the strings every match of the pass
 * contains. A string list that misses a way the regex can match would silently skip a repair: here
 * every match of every guarded regex, over every text the project holds (plus forms that exercise
 * each regex), must contain one of its strings.
 */
const SAMPLES = [
  'line one\r\nline two\rthree',
  '\u001b[31mError\u001b[0m',
  '```json\n{"type":"error"}\n~~~\n',
  'between &quot;user&quot; and &#X27;assistant&#x27; &AMP;',
  '{\\"type\\":\\"error\\"} \\\\\\u0041 \\n',
  'Rate Limit Error: 429 and API Connection Error',
  'AP1 Error, APT Error, 0Auth, Claude Al, messages.l.content',
];

const all = [...NORMALIZE_GUARDS, ...REPAIR_GUARDS];

function unguardedMatches(pass: Guarded, text: string): string[] {
  const re = new RegExp(pass.re.source, pass.re.flags.includes('g') ? pass.re.flags : `${pass.re.flags}g`);
  return [...text.matchAll(re)].map((m) => m[0]).filter((m) => !pass.needs.some((n) => m.includes(n)));
}

describe('normalization guards (a pass skipped when its strings are absent)', () => {
  const texts = [...everyText().map((t) => t.text), ...SAMPLES];

  it.each(all.map((pass) => [pass.re.source.slice(0, 60), pass] as const))('every match of %s contains one of its strings', (_name, pass) => {
    const offending = texts.flatMap((t) => unguardedMatches(pass, t));
    expect(offending).toEqual([]);
    // Not vacuous: the regex does match somewhere in these texts.
    expect(texts.some((t) => new RegExp(pass.re.source, pass.re.flags.replace('g', '')).test(t))).toBe(true);
  });

  it('collapses whitespace exactly as /\\s+/ → one space does', () => {
    const spaces = 'a  b\tc \n d\u00a0e\u3000\u2028f \r\n\r\n g\ufeffh i';
    const differ = [...texts, spaces].filter((t) => collapseWhitespace(t) !== t.replace(/\s+/g, ' '));
    expect(differ).toEqual([]);
    expect(collapseWhitespace(spaces)).toBe('a b c d e f g h i');
  });
});
