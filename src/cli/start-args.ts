import { unknownOption } from './options';

/** The options of `npm start` (the contract): `--check`, `--help` / `-h`. */
export const START_OPTIONS = ['--check', '--help', '-h'] as const;

export type StartArgs = { help: boolean; check: boolean } | { problem: string };

/**
 * Reads `npm start -- …`. Anything else is refused rather than ignored: `--chekc` starting the
 * bot for real is worse than an error that names the option meant.
 */
export function parseStartArgs(argv: readonly string[]): StartArgs {
  const args = { help: false, check: false };
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--check') args.check = true;
    else if (arg.startsWith('-')) return { problem: unknownOption(arg, START_OPTIONS) };
    else return { problem: `unexpected argument "${arg}"; npm start takes only options (${START_OPTIONS.join(', ')})` };
  }
  return args;
}
