import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_DIR, CatalogError } from '../catalog';
import { cachedBuild } from '../knowledge/compiled-cache';
import { parseYamlFiles } from '../knowledge/yaml-cache';
import { type ModelsData, ModelsDataSchema } from './schema';

/** catalog/models.yaml, validated; the shipped file's validated form is reused from the knowledge cache. */
export function loadModels(dir: string = CATALOG_DIR): ModelsData {
  const file = join(dir, 'models.yaml');
  const text = readFileSync(file, 'utf8');
  const build = (): ModelsData => {
    const [read] = parseYamlFiles([{ name: 'models.yaml', text }]);
    if (!read!.ok) throw new CatalogError([`catalog/models.yaml: not valid YAML: ${read!.error}`]);
    const parsed = ModelsDataSchema.safeParse(read!.data);
    if (!parsed.success) {
      throw new CatalogError(parsed.error.issues.map((i) => `catalog/models.yaml: ${i.path.join('.')}: ${i.message}`));
    }
    return parsed.data;
  };
  return dir === CATALOG_DIR ? cachedBuild('models', [text], build) : build();
}
