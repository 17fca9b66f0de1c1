import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CATALOG_DIR, CatalogError } from '../catalog';
import { type ModelsData, ModelsDataSchema } from './schema';

export function loadModels(dir: string = CATALOG_DIR): ModelsData {
  const file = join(dir, 'models.yaml');
  const parsed = ModelsDataSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new CatalogError(parsed.error.issues.map((i) => `catalog/models.yaml: ${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}
