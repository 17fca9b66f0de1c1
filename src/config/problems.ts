import type { z } from 'zod';

/** One configuration problem, named by variable and by the part of the bot that needs it. */
export interface ConfigProblem {
  variable: string;
  adapter: string;
  message: string;
}

/** "1 problem", "3 problems". */
export const countProblems = (n: number) => `${n} problem${n === 1 ? '' : 's'}`;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `${countProblems(problems.length)} in the settings:\n` +
        problems.map((p) => `  - ${p.variable} (${p.adapter}): ${p.message}`).join('\n'),
    );
  }
}

/**
 * A zod issue in plain words. The schemas carry their own messages; this is the net for any that
 * does not, so "Invalid input: expected number, received NaN" never reaches an operator.
 */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (!/^(Invalid|Too (small|big)|Expected|Unrecognized)\b/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : issue.expected === 'number' || issue.expected === 'int' ? 'must be a whole number' : `must be a ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'url' ? 'must be a URL, such as https://example.com' : `is not a valid ${issue.format}`;
    default:
      return 'has a value that is not valid';
  }
}

/** Turns zod issues for an env-shaped object into problems naming each variable, in plain words. */
export function problemsFromZod(error: z.ZodError, adapter: string): ConfigProblem[] {
  const problems = error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? '(unknown)'),
    adapter,
    message: plainMessage(issue),
  }));
  // One line per variable and message: chained checks can report the same thing twice.
  return problems.filter((p, i) => problems.findIndex((q) => q.variable === p.variable && q.message === p.message) === i);
}
