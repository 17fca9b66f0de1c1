import { SDK_CLASSES } from '../normalize/vocabulary';
import { ALWAYS, type MayMatch } from '../scan';

const KNOWN = new Set<string>([...SDK_CLASSES, 'InternalServerError', 'APIError', 'AnthropicError', 'APIUserAbortError', 'APIResponseValidationError']);
const CLASS_RE = /\b([A-Z][A-Za-z0-9_]*(?:Error|Exception))\d*\b/g;
/** For extraction's literal prefilter: a class name ends in Error or Exception. */
export const EXCEPTION_CUES: readonly RegExp[] = [CLASS_RE];

/**
 * The exception class that was raised. Anthropic SDK classes win (they name the failure); otherwise
 * the class on a "Name: message" line — the last one in a Python traceback is the one raised.
 */
export function extractException(flat: string, may: MayMatch = ALWAYS): string | null {
  let known: string | null = null;
  let raised: string | null = null;
  let first: string | null = null;
  if (!may(CLASS_RE)) return null;
  CLASS_RE.lastIndex = 0;
  for (let m = CLASS_RE.exec(flat); m; m = CLASS_RE.exec(flat)) {
    const name = m[1]!;
    first ??= name;
    if (KNOWN.has(name)) known ??= name;
    if (flat[m.index + m[0].length] === ':') raised = name;
  }
  return known ?? raised ?? first;
}
