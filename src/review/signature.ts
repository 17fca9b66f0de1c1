import { createHash } from 'node:crypto';
import { foldVariables } from '../support/fold-variables';

/** Longest signature kept: the head of an error says what it is. */
const MAX_SIGNATURE = 240;

export interface ReviewSignature {
  /** The folded text, lower case, one line. */
  signature: string;
  /** A short stable id for the group ("r-" + 12 hex digits of its SHA-256). */
  id: string;
}

/** Pastes of the same error, with other ids, times and numbers, share one signature. */
export function reviewSignature(text: string): ReviewSignature {
  const signature = foldVariables(text).slice(0, MAX_SIGNATURE);
  return { signature, id: `r-${createHash('sha256').update(signature).digest('hex').slice(0, 12)}` };
}
