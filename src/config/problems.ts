import type { z } from 'zod';

/** One configuration problem, named by variable and by the part of the bot that needs it. */
export interface ConfigProblem {
  variable: string;
  adapter: string;
  message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: ConfigProblem[]) {
    super(
      'Invalid configuration:\n' +
        problems.map((p) => `  - ${p.variable} (${p.adapter}): ${p.message}`).join('\n'),
    );
  }
}

/** Turns zod issues for an env-shaped object into problems naming each variable. */
export function problemsFromZod(error: z.ZodError, adapter: string): ConfigProblem[] {
  return error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? '(unknown)'),
    adapter,
    message: issue.message,
  }));
}
