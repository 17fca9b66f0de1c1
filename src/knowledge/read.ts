import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { parseYamlFiles } from './yaml-cache';

/** The data directory (catalog/): entries, named patterns, providers, clients, models. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../catalog', import.meta.url));

/** A knowledge file is broken; every problem is listed with the file and the field path. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  constructor(readonly problems: string[]) {
    super(`The catalogue is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates one YAML file of catalog/; throws a CatalogError naming the file and field. */
export function readKnowledge<S extends z.ZodType>(name: string, schema: S, dir: string = KNOWLEDGE_DIR): z.output<S> {
  const path = join(dir, name);
  const file = relative(process.cwd(), path) || name;
  const [read] = parseYamlFiles([{ name, text: readFileSync(path, 'utf8') }]);
  if (!read!.ok) throw new CatalogError([`${file}: not valid YAML: ${read!.error}`]);
  const parsed = schema.safeParse(read!.data);
  if (!parsed.success) throw new CatalogError(parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(file)'}: ${i.message}`));
  return parsed.data;
}
