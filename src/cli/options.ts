import { editDistance } from '../models/distance';

/**
 * The valid option closest to a mistyped one ("--chekc" → "--check"), or null when none is close
 * enough to be the same word mistyped: a third of its letters, and at least two edits.
 */
export function nearestOption(arg: string, valid: readonly string[]): string | null {
  const name = arg.split('=')[0]!;
  const limit = Math.max(2, Math.floor(name.replace(/^-+/, '').length / 3));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const option of valid) {
    const d = editDistance(name, option, limit);
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return best;
}

/** `unknown option "--chekc"; did you mean --check?`, or the list of options when nothing is close. */
export function unknownOption(arg: string, valid: readonly string[]): string {
  const near = nearestOption(arg, valid);
  return near ? `unknown option "${arg}"; did you mean ${near}?` : `unknown option "${arg}"; the options are ${valid.join(', ')}`;
}
