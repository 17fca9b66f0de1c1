import { z } from 'zod';
import { KNOWLEDGE_DIR, readKnowledge } from './read';

/** Lower-case words joined by hyphens: entry ids, pattern names, provider and client ids. */
export const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A shipped text a piece of knowledge exists for: `corpus/<case id>` (a labelled paste in
 * test/fixtures, each with its source URL), `<entry>/match/<i>` / `<entry>/nomatch/<i>` (an entry's
 * example or look-alike; inside an entry `match/<i>` and `nomatch/<i>` name its own), or
 * `contract/<status>/<form>` (a documented error as the official SDKs raise it, test/support/contract-texts.ts).
 */
export const ExampleRefSchema = z
  .string()
  .regex(
    /^(?:corpus\/[\w.-]+|contract\/[\w-]+\/[\w-]+|(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?(?:match|nomatch)\/\d+)$/,
    'corpus/<case id>, contract/<status>/<form>, <entry>/match/<i> or <entry>/nomatch/<i>',
  );

/** `(?&name)` inside a regex stands for a named pattern (PCRE's syntax; a JS regex cannot contain it). */
const REFERENCE = /\(\?&([a-z0-9-]+)\)/g;

/** A regex, or a list of regexes matched as their union (linguist's named_patterns). */
export const PatternSourceSchema = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((v) => (Array.isArray(v) ? v.join('|') : v));

const NamedPatternSchema = z
  .object({
    pattern: PatternSourceSchema,
    why: z.string().min(10),
    /** Fragments of real pastes the pattern must find, and look-alikes it must not. */
    examples: z.object({ match: z.array(z.string().min(1)).min(1), nomatch: z.array(z.string().min(1)).default([]) }).strict(),
  })
  .strict();
export type NamedPattern = z.output<typeof NamedPatternSchema>;

const PatternsFileSchema = z.record(z.string().regex(NAME, 'lower-case words joined by hyphens'), NamedPatternSchema).superRefine((file, ctx) => {
  for (const [name, p] of Object.entries(file)) {
    if (namesUsed(p.pattern).length > 0) ctx.addIssue({ code: 'custom', path: [name, 'pattern'], message: 'a named pattern cannot use another one' });
    const problem = regexProblem(p.pattern);
    if (problem) ctx.addIssue({ code: 'custom', path: [name, 'pattern'], message: problem });
  }
});

export function regexProblem(source: string): string | null {
  try {
    new RegExp(source, 'i');
    return null;
  } catch (error) {
    return `invalid regular expression: ${(error as Error).message}`;
  }
}

/** The shipped catalog/patterns.yaml, read once per process: providers, the catalogue and the reply's retry banner all use it. */
let shipped: ReadonlyMap<string, NamedPattern> | undefined;

/** catalog/patterns.yaml: regexes several entries share, used by name as `(?&name)`. */
export function loadNamedPatterns(dir: string = KNOWLEDGE_DIR): ReadonlyMap<string, NamedPattern> {
  if (dir !== KNOWLEDGE_DIR) return new Map(Object.entries(readKnowledge('patterns.yaml', PatternsFileSchema, dir)));
  shipped ??= new Map(Object.entries(readKnowledge('patterns.yaml', PatternsFileSchema, dir)));
  return shipped;
}

/**
 * Replaces every `(?&name)` with the named regex in a non-capturing group. Unknown names are
 * returned, not thrown, so a loader can list every problem at once.
 */
export function expandNamed(source: string, named: ReadonlyMap<string, string>): { source: string; unknown: string[] } {
  const unknown: string[] = [];
  const expanded = source.replace(REFERENCE, (ref, name: string) => {
    const body = named.get(name);
    if (body === undefined) {
      unknown.push(name);
      return ref;
    }
    return `(?:${body})`;
  });
  return { source: expanded, unknown };
}

/** The names a regex uses. */
export function namesUsed(source: string): string[] {
  return [...source.matchAll(REFERENCE)].map((m) => m[1]!);
}
