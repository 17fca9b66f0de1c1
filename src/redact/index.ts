export { looksLikeSecret, redactSecrets, type RedactionFinding, type RedactionResult, type RedactOptions } from './redact';
export { guardOutbound, OUTBOUND_EXITS, type OutboundExit, outboundMaskedCounts } from './outbound';
