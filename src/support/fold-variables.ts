/**
 * What varies between two pastes of the same error and says nothing about it: times, ids,
 * digests, numbers. Folded in this order (a timestamp before its numbers, a UUID before its hex).
 * The review queue groups pastes by it; the second opinion compares pastes by it.
 */
const FOLDS: ReadonlyArray<[RegExp, string | ((token: string) => string)]> = [
  // Redaction masks differ by kind of secret (sk-ant-api03-[REDACTED], [REDACTED:jwt]); the error does not.
  [/(?:\b[A-Za-z0-9]{1,16}(?:-[A-Za-z0-9]{1,16}){0,4}-)?\[REDACTED(?::[a-z0-9-]+)?\]/g, '<secret>'],
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/gi, '<time>'],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, '<time>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  // Anthropic ids (req_…, msg_…, toolu_…) and other prefixed ids.
  [/\b(?:req|msg|toolu|srvtoolu|file|batch|msgbatch|org|user|chatcmpl|run|thread)_[A-Za-z0-9]{6,}\b/g, '<id>'],
  [/\b(?:0x)?[0-9a-f]{8,}\b/gi, '<hex>'],
  // Long tokens mixing letters and digits: ids, hashes, session tokens. Whole tokens, then tested,
  // so a run like "a-a-a-…" is one pass rather than a lookahead per word boundary.
  [/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/g, (token) => (/\d/.test(token) && /[A-Za-z]/.test(token) ? '<id>' : token)],
  [/\d+(?:[.,]\d+)*/g, '<n>'],
];

const NUMBER = FOLDS.length - 1;
const HTTP_ERROR_STATUS = /^[45]\d\d$/;

/**
 * The text with times, ids, digests and numbers folded to placeholders, on one lower-case line.
 * `keepStatus`: numbers that could be an HTTP error status (400-599) stay, since they say which error it is.
 */
export function foldVariables(text: string, options: { keepStatus?: boolean } = {}): string {
  let folded = text;
  FOLDS.forEach(([pattern, token], i) => {
    if (i === NUMBER && options.keepStatus) folded = folded.replace(pattern, (n) => (HTTP_ERROR_STATUS.test(n) ? n : '<n>'));
    else folded = typeof token === 'string' ? folded.replace(pattern, token) : folded.replace(pattern, token);
  });
  return folded.replace(/\s+/g, ' ').trim().toLowerCase();
}
