/**
 * A normalization pass whose every match contains one of a few plain strings: when the text holds
 * none of them the pass cannot change anything, and `includes` (a fast memory scan) is far cheaper
 * than running the regex over the paste. Most pastes have no carriage return, ANSI colour, code
 * fence, HTML entity or backslash, so most passes are skipped. test/core/normalize-guards.test.ts
 * checks over every text the project holds that each match contains one of its strings.
 */
export interface Guarded {
  re: RegExp;
  /** Every match of `re` contains at least one of these. */
  needs: readonly string[];
}

export const guarded = (re: RegExp, ...needs: string[]): Guarded => ({ re, needs });

/** True when `re` may match: the text holds one of the strings its matches contain. */
export function mayHold(text: string, pass: Guarded): boolean {
  for (const n of pass.needs) if (text.includes(n)) return true;
  return false;
}
