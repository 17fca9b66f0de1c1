export type { CatalogIndexEntry } from './answer-schema';
export { ANSWER_TOOL_NAME } from './answer-schema';
export {
  createModelFallback,
  DEFAULT_FALLBACK_MODEL,
  type FallbackMetricOutcome,
  type FallbackMetrics,
  type ModelFallbackDeps,
} from './create-fallback';
export { PASTE_LIMIT } from './paste-fence';
