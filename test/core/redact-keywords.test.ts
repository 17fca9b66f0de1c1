import { describe, expect, it } from 'vitest';
import { rulesFor } from '../../src/redact/rules';
import { everyText } from '../support/every-text';

/**
 * Redaction's keyword scan leaves one-character keywords (`.`) to `includes`. The rules it picks
 * for a text must be exactly those the scan of every keyword picks: over every text the project
 * holds (the secret forms among them), and forms where a stop sits inside a longer keyword.
 */
describe('redaction keywords: one-character ones looked up apart', () => {
  const forms = ['a.b', 'https://hooks.slack.com/services/T0/B0/x', 'x://y.z', '...', 'sk-.ant', 'eyJ.eyJ.', 'no stop here', ''];
  const texts = [...everyText().map((t) => t.text), ...forms].flatMap((t) => [t, t.toUpperCase()]);

  it('picks the same rules as scanning every keyword', () => {
    const names = (text: string, every: boolean) => rulesFor(text, every).map((r) => r.id).join(',');
    const differ = texts.filter((t) => names(t, false) !== names(t, true)).map((t) => t.slice(0, 80));
    expect(differ).toEqual([]);
    // Not vacuous: some text wakes a rule only through its one-character keyword.
    expect(texts.some((t) => rulesFor(t).some((r) => r.keywords.includes('.')))).toBe(true);
  });
});
