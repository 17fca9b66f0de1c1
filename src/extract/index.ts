export { blankSpans } from './blank';
export { type BlankedSpan, type BlankRule, EXTRACTION_LITERALS, type ExtractOptions, type Extraction, extractSignals, latestRetryOnly, latestRetrySpans, OFFICIAL_TYPES } from './extract';
export { TYPE_STATUS } from './status';
export { decideTextSource, explainTextSource, type TextSource } from './source';
