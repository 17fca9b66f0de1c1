export { type Extraction, extractSignals, OFFICIAL_TYPES } from './extract';
export { TYPE_STATUS } from './status';
