import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { cachedBuild, type Codec } from '../knowledge/compiled-cache';
import { loadNamedPatterns } from '../knowledge/patterns';
import { PROVIDERS } from '../knowledge/providers';
import { CatalogError, KNOWLEDGE_DIR } from '../knowledge/read';
import { parseYamlFiles } from '../knowledge/yaml-cache';
import { type CompiledEntry, type CompiledRule, compileEntry } from './compile';
import { precedenceProblems } from './precedence';
import { EntrySchema } from './schema';

export { CatalogError };
export const CATALOG_DIR = KNOWLEDGE_DIR;

function describe(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
}

/** The regexes a rule may use by name: catalog/patterns.yaml, and each provider's cue by its id (catalog/providers.yaml). */
export function namedPatterns(): ReadonlyMap<string, string> {
  return new Map([...[...loadNamedPatterns()].map(([name, p]) => [name, p.pattern] as const), ...PROVIDERS.named]);
}

/** Example references that name an entry's example which does not exist (corpus and contract references are checked by the hygiene test). */
function exampleProblems(entries: readonly CompiledEntry[]): string[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const problems: string[] = [];
  for (const e of entries) {
    e.match.forEach((rule, i) => {
      for (const [field, refs] of [['examples', rule.examples], ['blocks', rule.blocks ?? []]] as const) {
        for (const ref of refs) {
          if (ref.startsWith('corpus/') || ref.startsWith('contract/')) continue;
          const parts = ref.split('/');
          const [owner, kind, at] = parts.length === 2 ? [e.id, parts[0]!, parts[1]!] : [parts[0]!, parts[1]!, parts[2]!];
          const list = byId.get(owner)?.examples[kind as 'match' | 'nomatch'];
          if (!list || Number(at) >= list.length) problems.push(`entries/${e.id}.yaml: match.${i}.${field}: "${ref}" names no example`);
        }
      }
    });
  }
  return problems;
}

const entryFiles = (entriesDir: string) => readdirSync(entriesDir).filter((f) => f.endsWith('.yaml')).sort();

/** The compiled catalogue as JSON: its two regexes per rule travel as their sources. */
const catalogCodec: Codec<CompiledEntry[]> = {
  encode: (entries) =>
    entries.map((e) => ({ ...e, match: e.match.map((r) => ({ ...r, pattern: r.pattern && [r.pattern.source, r.pattern.flags], unless: r.unless && [r.unless.source, r.unless.flags] })) })),
  decode: (json) =>
    (json as Array<Omit<CompiledEntry, 'match'> & { match: Array<Omit<CompiledRule, 'pattern' | 'unless'> & { pattern?: [string, string]; unless?: [string, string] }> }>).map((e) => ({
      ...e,
      match: e.match.map((r) => ({ ...r, pattern: r.pattern && new RegExp(...r.pattern), unless: r.unless && new RegExp(...r.unless) })),
    })),
};

/**
 * Loads and validates every `catalog/entries/*.yaml`. Any broken entry stops start-up with the file
 * name and the field path, all problems at once: schema errors, regexes that do not compile, unknown
 * named patterns, example references to nothing, and `outranks` edges that are unknown or form a cycle.
 * The shipped catalogue's compiled form is reused from a cache keyed by its files and the code
 * (src/knowledge/compiled-cache.ts); another directory or named-pattern set is always built.
 */
export function loadCatalog(dir: string = CATALOG_DIR, named?: ReadonlyMap<string, string>): CompiledEntry[] {
  if (dir !== CATALOG_DIR || named) return buildCatalog(dir, named ?? namedPatterns());
  const entriesDir = join(dir, 'entries');
  const inputs = [...entryFiles(entriesDir).flatMap((name) => [name, readFileSync(join(entriesDir, name), 'utf8')])];
  for (const name of ['patterns.yaml', 'providers.yaml', 'clients.yaml']) inputs.push(name, readFileSync(join(dir, name), 'utf8'));
  return cachedBuild('compiled-catalog', inputs, () => buildCatalog(dir, namedPatterns()), catalogCodec);
}

/** loadCatalog without the cache: parse, validate and compile every entry. */
export function buildCatalog(dir: string = CATALOG_DIR, named: ReadonlyMap<string, string> = namedPatterns()): CompiledEntry[] {
  const entriesDir = join(dir, 'entries');
  const files = entryFiles(entriesDir);
  const problems: string[] = [];
  const entries: CompiledEntry[] = [];
  const seen = new Set<string>();
  const yaml = parseYamlFiles(files.map((name) => ({ name, text: readFileSync(join(entriesDir, name), 'utf8') })));
  files.forEach((name, i) => {
    const file = relative(process.cwd(), join(entriesDir, name)) || name;
    const read = yaml[i]!;
    if (!read.ok) {
      problems.push(`${file}: not valid YAML: ${read.error}`);
      return;
    }
    const parsed = EntrySchema.safeParse(read.data);
    if (!parsed.success) {
      problems.push(...describe(file, parsed.error));
      return;
    }
    const id = basename(name, '.yaml');
    if (parsed.data.id !== id) problems.push(`${file}: id: "${parsed.data.id}" must equal the file name "${id}"`);
    if (seen.has(parsed.data.id)) problems.push(`${file}: id: "${parsed.data.id}" is used twice`);
    seen.add(parsed.data.id);
    const compiled = compileEntry(parsed.data, named);
    problems.push(...compiled.problems.map((p) => `${file}: ${p}`));
    entries.push(compiled.entry);
  });
  if (files.length === 0) problems.push(`${entriesDir}: no entries found`);
  problems.push(...precedenceProblems(entries), ...exampleProblems(entries));
  if (problems.length > 0) throw new CatalogError(problems);
  return entries;
}
