export { type CompiledEntry, type CompiledFixStep, type CompiledRule, standingOf } from './compile';
export { CATALOG_DIR, CatalogError, loadCatalog, namedPatterns } from './load';
export { Precedence, precedenceProblems } from './precedence';
export { BACKSTOP_CONDITIONS, type CatalogEntry, EntrySchema, type Evidence, EVIDENCE_CONFIDENCE, type FactKind } from './schema';
