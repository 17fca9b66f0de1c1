export { looksLikeSecret, redactSecrets, type RedactionFinding, type RedactionResult } from './redact';
