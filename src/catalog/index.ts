export type { CompiledEntry, CompiledRule } from './compile';
export { CATALOG_DIR, CatalogError, loadCatalog, namedPatterns } from './load';
export { Precedence, precedenceProblems } from './precedence';
export { type CatalogEntry, EntrySchema, type Evidence, EVIDENCE_CONFIDENCE, type FactKind } from './schema';
