export type { CompiledEntry, CompiledRule } from './compile';
export { CATALOG_DIR, CatalogError, loadCatalog } from './load';
export { type CatalogEntry, EntrySchema, type FactKind } from './schema';
