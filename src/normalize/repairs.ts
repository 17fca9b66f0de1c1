import { type Guarded, guarded, mayHold } from './guard';
import { BACKTICKED, DASH_SPLIT_IDENTIFIERS, ERROR_TYPES, SDK_CLASSES, SPACE_SPLIT_IDENTIFIERS } from './vocabulary';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLengthDesc = (a: string, b: string) => b.length - a.length;
const squash = (s: string) => s.toLowerCase().replace(/[ _-]/g, '');

/** "max_tokens" -> "max[ _-]tokens": one alternation for a family of identifiers. */
function alternation(ids: readonly string[], separator: string): string {
  return [...ids]
    .sort(byLengthDesc)
    .map((id) => id.split(/[_-]/).map(escape).join(separator))
    .join('|');
}

/** OCR reads "_" as a space, or puts a space next to it ("invalid request _error", "tool _use"). */
const SPLIT = '(?: ?[_-] ?| )';
const SPACE_RE = new RegExp(`\\b(?:${alternation(SPACE_SPLIT_IDENTIFIERS, SPLIT)})\\b`, 'gi');
/** Error types split by spaces ("rate limit error") are only a type inside quotes; in prose they are words. */
const TYPE_RE = new RegExp(`(?<=["'\`]\\s?)(?:${alternation(ERROR_TYPES, SPLIT)})(?=\\s?["'\`])`, 'gi');
const DASH_RE = new RegExp(`\\b(?:${alternation(DASH_SPLIT_IDENTIFIERS, ' ?[_-] ?')})\\b`, 'gi');
/** A quoted API name becomes backticked again, whichever quote OCR saw on either side. */
const QUOTED_RE = new RegExp(`["'\`](${BACKTICKED.map(escape).join('|')})["'\`]`, 'g');
const QUOTED_HINT = /["'](?:thinking|redacted|tool|max|budget|temperature|top)/;

/** Characters OCR confuses inside tokens that every Claude error uses. */
const LOOKALIKES: ReadonlyArray<[RegExp, string]> = [
  [/\b0Auth\b/g, 'OAuth'],
  [/\bAP[T1l] Error\b/g, 'API Error'],
  [/\bClaude A[l1]\b/g, 'Claude AI'],
  [/\b(messages|content)\.[lI](?=[.:])/g, '$1.1'],
];
const LOOKALIKE_HINT = guarded(/0Auth|AP[T1l] Error|Claude A[l1]\b|\.[lI][.:]/, '0Auth', ' Error', 'Claude A', '.l', '.I');
const CANONICAL = new Map<string, string>(
  [...ERROR_TYPES, ...SPACE_SPLIT_IDENTIFIERS, ...DASH_SPLIT_IDENTIFIERS].map((id) => [squash(id), id]),
);

/** "Rate Limit Error" -> RateLimitError (Title Case words are a class name; "API Error" is not in the list). */
const CLASS_RE = new RegExp(
  `\\b(?:${SDK_CLASSES.map((c) => c.replace(/([a-z])([A-Z])/g, '$1 $2')).join('|')})\\b`,
  'g',
);
const CLASS_CANONICAL = new Map<string, string>(SDK_CLASSES.map((c) => [squash(c), c]));

const SPLIT_CLASS_HINT = guarded(/[a-z] Error\b/, ' Error');
// Each hint needs a space next to a separator, or a space in place of one: canonical spellings skip the pass.
// These three read the lower-cased text: case-insensitive alternations are slow on long pastes.
const SPLIT_TYPE_HINT = /(?:request|limit|found|authentication|permission|overloaded|billing|timeout|conflict|too|large)(?: [ _-]?|[_-] )(?:error|too|large)/;
const SPLIT_WORD_HINT = /\b(?:max|budget|tool|cache|input|stop|media|redacted|enforced|top)(?: [_-]?|[_-] )[a-z]/;
const SPLIT_DASH_HINT = / [_-] ?\w|\w[_-] \w|request-id|error-code|x_should|retry_after|x_api|anthropic_(?:version|beta)|content-block|message-start/;

function canonicalIdentifier(m: string): string {
  // Title-Case prose ("Authentication Error") was handled as a class name already.
  if (/[A-Z]/.test(m) && m.includes(' ')) return m;
  return CANONICAL.get(squash(m)) ?? m;
}

/** The guarded hints of this file, for the test that checks their strings. */
export const REPAIR_GUARDS: readonly Guarded[] = [SPLIT_CLASS_HINT, LOOKALIKE_HINT];

/** Rejoin identifiers and class names split by OCR or retyping. */
export function repairIdentifiers(text: string): string {
  // Each family only when its cheap tell-tale is there: most pastes need none of these passes.
  let out = text;
  if (mayHold(out, SPLIT_CLASS_HINT) && SPLIT_CLASS_HINT.re.test(out)) out = out.replace(CLASS_RE, (m) => CLASS_CANONICAL.get(squash(m)) ?? m);
  const lower = out.toLowerCase();
  if (SPLIT_TYPE_HINT.test(lower)) out = out.replace(TYPE_RE, canonicalIdentifier);
  if (SPLIT_WORD_HINT.test(lower)) out = out.replace(SPACE_RE, canonicalIdentifier);
  if (SPLIT_DASH_HINT.test(lower)) out = out.replace(DASH_RE, canonicalIdentifier);
  if (QUOTED_HINT.test(out)) out = out.replace(QUOTED_RE, '`$1`');
  if (mayHold(out, LOOKALIKE_HINT) && LOOKALIKE_HINT.re.test(out)) for (const [re, fix] of LOOKALIKES) out = out.replace(re, fix);
  return out;
}

/** A status with an O in it: the only matches the repair below changes (a 4xx/5xx of digits stays as it is). */
const STATUS_WITH_O = /\b[45](?:[0-9][Oo]|[Oo][0-9Oo])\b/;

/** OCR reads 0 as O inside status codes: "4O4", "Error code: 5O0". */
export function repairStatusDigits(text: string): string {
  // Most pastes have no such status: one test instead of a replacement call for every 4xx and 5xx.
  if (!STATUS_WITH_O.test(text)) return text;
  return text.replace(/\b([45])([0-9Oo])([0-9Oo])\b/g, (m, a: string, b: string, c: string) => {
    if (!/[Oo]/.test(b + c)) return m;
    return `${a}${b.replace(/[Oo]/, '0')}${c.replace(/[Oo]/, '0')}`;
  });
}
