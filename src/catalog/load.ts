import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import { type CompiledEntry, compileEntry } from './compile';
import { EntrySchema } from './schema';

export const CATALOG_DIR = fileURLToPath(new URL('../../catalog', import.meta.url));

export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  constructor(readonly problems: string[]) {
    super(`The catalogue is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function describe(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
}

/**
 * Loads and validates every `catalog/entries/*.yaml`. Any broken entry stops start-up with the file
 * name and the field path, all problems at once.
 */
export function loadCatalog(dir: string = CATALOG_DIR): CompiledEntry[] {
  const entriesDir = join(dir, 'entries');
  const files = readdirSync(entriesDir).filter((f) => f.endsWith('.yaml')).sort();
  const problems: string[] = [];
  const entries: CompiledEntry[] = [];
  const seen = new Set<string>();
  for (const name of files) {
    const file = relative(process.cwd(), join(entriesDir, name)) || name;
    let data: unknown;
    try {
      data = parse(readFileSync(join(entriesDir, name), 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const parsed = EntrySchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...describe(file, parsed.error));
      continue;
    }
    const id = basename(name, '.yaml');
    if (parsed.data.id !== id) problems.push(`${file}: id: "${parsed.data.id}" must equal the file name "${id}"`);
    if (seen.has(parsed.data.id)) problems.push(`${file}: id: "${parsed.data.id}" is used twice`);
    seen.add(parsed.data.id);
    entries.push(compileEntry(parsed.data));
  }
  if (files.length === 0) problems.push(`${entriesDir}: no entries found`);
  if (problems.length > 0) throw new CatalogError(problems);
  return entries;
}
