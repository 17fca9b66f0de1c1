/**
 * `npm run prepare` (also run by `npm ci` and `npm install`): validates and compiles the shipped
 * catalogue and models, and derives extraction's cue literals, once, so the first `npm start` or
 * `npm run -s diagnose` reads them from node_modules/.cache (see src/knowledge/compiled-cache.ts)
 * even where that directory is read-only at run time. A broken catalogue is reported here but does
 * not fail the install: start-up and `npm test` refuse it by file and field.
 */
import { loadCatalog } from '../catalog';
import { loadModels } from '../models';

try {
  loadCatalog();
  loadModels();
  // Extraction derives (or reads back) its cue literals when it is first imported.
  await import('../extract');
} catch (error) {
  process.stderr.write(`prepare: the knowledge cache was not built: ${(error as Error).message}\n`);
}
