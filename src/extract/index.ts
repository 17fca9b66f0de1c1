export { blankSpans } from './blank';
export { type BlankedSpan, type BlankRule, type Extraction, extractSignals, latestRetryOnly, latestRetrySpans, OFFICIAL_TYPES } from './extract';
export { TYPE_STATUS } from './status';
