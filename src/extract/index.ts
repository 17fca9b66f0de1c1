export { type BlankedSpan, type BlankRule, blankSpans, type Extraction, extractSignals, latestRetryOnly, latestRetrySpans, OFFICIAL_TYPES } from './extract';
export { TYPE_STATUS } from './status';
