import { NEAR_WINDOW, rulesFor, SECRET_RULES, type SecretRule } from './rules';
import { applyEdits, type MatchingView, matchingView } from './view';
import { continueSecret, prefixWrapJoins } from './wraps';

export interface RedactionFinding {
  /** The rule that found it, which names the kind of credential (`anthropic-key`, `aws-secret-key`…). */
  rule: string;
  /** True when it is clearly a live credential; the user is asked to rotate it. */
  strict: boolean;
}

export interface RedactionResult {
  text: string;
  findings: RedactionFinding[];
  /** At least one strict finding: the reply tells the user (privately) to rotate the secret. */
  secretDetected: boolean;
}

export interface RedactOptions {
  /**
   * The text is an uncertain reading (OCR): near a secret, mask generously — a piece after a key
   * that fits its missing length is taken as part of it.
   */
  uncertain?: boolean;
}

/** Placeholders people paste in docs and bug reports; masking them is fine, warning is not. */
const PLACEHOLDER = /(x{4,}|\*{4,}|\.{3}|<[^<>]{0,100}>|your[_-]?(api[_-]?)?key|example|placeholder|dummy|test[_-]?key|0{8,}|1234567)/i;

/** A secret found in the view: `[start, end)` in view offsets. */
interface Span {
  start: number;
  end: number;
  priority: number;
  rule: SecretRule;
  mask: string;
  strict: boolean;
}

/** OCR reads the 0 of `api03` as ®, @, ©, ° or o and the 1 of `oat01` as l or I. */
function canonicalKind(kind: string): string {
  const lower = kind.toLowerCase().replace(/[@®©°º]/g, '0');
  const known = /^(api|admin|oat|ort)([0-9oil|]{2})$/.exec(lower);
  if (known) return known[1]! + known[2]!.replace(/o/g, '0').replace(/[il|]/g, '1');
  return lower.replace(/[^a-z0-9]/g, '');
}

function isStrict(rule: SecretRule, secret: string): boolean {
  if (!rule.strict || PLACEHOLDER.test(secret)) return false;
  return rule.strict.test(secret);
}

/** `[start, end)` of each `near` match (key ids), in order, for paired rules. */
function anchors(rule: SecretRule, view: string): Array<[number, number]> {
  const near = rule.near!;
  near.lastIndex = 0;
  const out: Array<[number, number]> = [];
  for (let m = near.exec(view); m; m = near.exec(view)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** True when an anchor other than the span itself lies within NEAR_WINDOW of it (binary search). */
function hasAnchorNear(sorted: Array<[number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]![1] <= start - NEAR_WINDOW) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && sorted[i]![0] <= end + NEAR_WINDOW; i++) {
    const [a, b] = sorted[i]!;
    if (b <= start || a >= end) return true;
  }
  return false;
}

function findSpans(rule: SecretRule, priority: number, view: string, uncertain: boolean, spans: Span[]): void {
  const pattern = rule.pattern;
  const near = rule.near ? anchors(rule, view) : null;
  if (near && near.length === 0) return;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(view); m; m = pattern.exec(view)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const groups = m.indices!.groups!;
    const [start, secretEnd] = groups.secret!;
    const body = groups.body;
    let end = secretEnd;
    let secret = view.slice(start, secretEnd).replace(/ /g, '');
    let bodyLength = body ? body[1] - body[0] : secret.length;
    if (rule.continues) {
      const more = continueSecret(view, end, { ...rule.continues, bodyLength, generous: uncertain });
      end = more.end;
      secret += more.added;
      bodyLength += more.added.length;
    }
    if (bodyLength < rule.minBody) continue;
    if (rule.valid && !rule.valid.test(secret)) continue;
    if (near && !hasAnchorNear(near, start, end)) continue;
    let mask = rule.mask;
    if (m.groups?.kind !== undefined) {
      const kind = canonicalKind(m.groups.kind);
      mask = mask.replace('{kind}', kind);
      secret = `sk-ant-${kind}-${secret.slice(secret.length - bodyLength)}`;
    }
    spans.push({ start, end, priority, rule, mask, strict: isStrict(rule, secret) });
    // The continuation is part of this secret: no rule run starts inside it again.
    if (end > pattern.lastIndex) pattern.lastIndex = end;
  }
}

/**
 * Overlapping finds are one secret: its extent is their union, the earliest rule names and masks
 * it, and it counts as live when any of them is.
 */
function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || a.priority - b.priority);
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) {
      const winner = span.priority < last.priority ? span : last;
      out[out.length - 1] = { ...winner, start: last.start, end: Math.max(last.end, span.end), strict: last.strict || span.strict };
    } else out.push(span);
  }
  return out;
}

/** The view to match on: encoding damage undone, and line breaks that cut a key prefix joined. */
function viewOf(text: string): MatchingView {
  const decoded = matchingView(text);
  if (!decoded.text.includes('\n')) return decoded;
  const joins = prefixWrapJoins(decoded.text);
  return joins.length === 0 ? decoded : applyEdits(decoded.text, joins, decoded.toOriginal);
}

/**
 * Masks every secret in `text`. Runs before anything else in the pipeline, so nothing downstream
 * (logs, the model call, replies) can see a pasted credential. Secrets are found on the matching
 * view and each is masked over its whole original span, across lines when a wrap cut it.
 */
export function redactSecrets(text: string, options: RedactOptions = {}): RedactionResult {
  if (text === '') return { text, findings: [], secretDetected: false };
  const view = viewOf(text);
  const spans: Span[] = [];
  for (const rule of rulesFor(view.text)) findSpans(rule, SECRET_RULES.indexOf(rule), view.text, options.uncertain ?? false, spans);
  if (spans.length === 0) return { text, findings: [], secretDetected: false };
  const pieces: string[] = [];
  const findings: RedactionFinding[] = [];
  let last = 0;
  for (const span of merge(spans)) {
    const start = view.toOriginal(span.start);
    pieces.push(text.slice(last, start), span.mask);
    last = Math.max(start, view.toOriginal(span.end));
    findings.push({ rule: span.rule.id, strict: span.strict });
  }
  pieces.push(text.slice(last));
  return { text: pieces.join(''), findings, secretDetected: findings.some((f) => f.strict) };
}

/** True when text still holds something that looks like a credential (defence in depth). */
export function looksLikeSecret(text: string): boolean {
  return redactSecrets(text).findings.length > 0;
}
