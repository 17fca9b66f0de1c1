export { type Extraction, extractSignals, latestRetryOnly, OFFICIAL_TYPES } from './extract';
export { TYPE_STATUS } from './status';
