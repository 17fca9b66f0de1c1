export { createSlackAdapter, type SlackAdapter, type SlackAdapterDeps, type SlackAdapterState } from './adapter';
export { EVENTS_PATH, type SlackMode } from './bolt-app';
export { SlackAdapterError } from './errors';
export type { EventOutcome, ReplyKind, SlackMetrics } from './metrics';
export type { Vote } from './feedback-buttons';
export { DEDUPE_TTL_MS } from './store';
