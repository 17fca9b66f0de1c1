export { collapseWhitespace, looksBinary, MAX_INPUT_CHARS, normalizeText, type NormalizedText } from './normalize';
export { ERROR_TYPES } from './vocabulary';
