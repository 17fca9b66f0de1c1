import type { FactKind } from '../catalog';
import type { Signals } from '../contracts';
import type { ModelIndex } from '../models';
import { fmtBytes, fmtDuration, fmtInt, fmtPercent, fmtUtc } from './format';
import { describeModelVerdict } from './model-fact';

export interface FactContext {
  signals: Signals;
  /** The text the rules read (primary error, one line). */
  text: string;
  now: Date;
  models: ModelIndex;
}

type FactFn = (ctx: FactContext) => string | null;

const num = (s: string | undefined) => (s === undefined ? NaN : Number(s.replace(/,/g, '')));

// A number that opens a pattern starts only where no digit or comma precedes it: otherwise each digit
// of a 64,000-digit run would be a start that rescans the run (quadratic time). Same matches, linear.
/** "180,000 + 32,000 > 200,000": input + max_tokens over the context window. */
const INPUT_PLUS_MAX = /(?<![\d,])([\d,]+) \+ ([\d,]+) > ([\d,]+)/;
const NOT_LESS_OR_EQUAL = /(?<![\d,])([\d,]+) is not less (?:than )?or equal to ([\d,]+)/i;
const IMAGE_BYTES = /(?<![\d,])([\d,]+) bytes > ([\d,]+) bytes/i;

const retryAt: FactFn = ({ signals, now, text }) => {
  const seconds = signals.retryAfterSeconds;
  if (seconds === null) return null;
  const dated = /\bdate["']?\s*[:=]\s*["']?([A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} [\d:]{8} GMT)/.exec(text)?.[1];
  const base = dated ? new Date(Date.parse(dated)) : now;
  const at = new Date(base.getTime() + seconds * 1000);
  const origin = dated ? `the response's date + \`retry-after: ${seconds}\`` : `\`retry-after: ${seconds}\`, counted from now`;
  return `Retry in ${fmtDuration(seconds)} — at ${fmtUtc(at, now)} (${origin}). Earlier retries fail.`;
};

const rateLimitReset: FactFn = ({ signals, now }) => {
  const h = signals.rateLimitHeaders;
  const parts: string[] = [];
  for (const bucket of ['requests', 'tokens', 'input-tokens', 'output-tokens']) {
    const remaining = h[`anthropic-ratelimit-${bucket}-remaining`];
    const limit = h[`anthropic-ratelimit-${bucket}-limit`];
    const reset = h[`anthropic-ratelimit-${bucket}-reset`];
    if (remaining === undefined && reset === undefined) continue;
    const at = reset ? new Date(reset) : null;
    const when = at && !Number.isNaN(at.getTime()) ? ` — refills at ${fmtUtc(at, now)}` : '';
    parts.push(`${bucket}: ${remaining ?? '?'} of ${limit ?? '?'} left${when}`);
  }
  return parts.length ? `Rate-limit headers: ${parts.join('; ')}.` : null;
};

const tokenOverage: FactFn = ({ text }) => {
  const tooLong = /prompt is too long: ([\d,]+) tokens > ([\d,]+)/i.exec(text);
  if (tooLong) {
    const [used, max] = [num(tooLong[1]), num(tooLong[2])];
    return `Over by ${fmtInt(used - max)} tokens (${fmtPercent(used - max, max)} over the ${fmtInt(max)}-token window).`;
  }
  const sum = INPUT_PLUS_MAX.exec(text);
  if (sum) {
    const [input, out, max] = [num(sum[1]), num(sum[2]), num(sum[3])];
    const over = input + out - max;
    return `Input ${fmtInt(input)} + max_tokens ${fmtInt(out)} is over the ${fmtInt(max)}-token context window by ${fmtInt(over)} tokens (${fmtPercent(over, max)}).`;
  }
  return null;
};

const maxTokensFit: FactFn = ({ text, signals, models }) => {
  const sum = INPUT_PLUS_MAX.exec(text);
  if (sum) {
    const fit = num(sum[3]) - num(sum[1]);
    return fit > 0
      ? `The largest max_tokens that fits this input is ${fmtInt(fit)}.`
      : `The input alone fills the context window; shorten it before anything else.`;
  }
  const capped = /max_tokens: ([\d,]+) > ([\d,]+)/i.exec(text) ?? NOT_LESS_OR_EQUAL.exec(text);
  if (capped) return `The largest max_tokens this model accepts is ${fmtInt(num(capped[2]))} (you sent ${fmtInt(num(capped[1]))}).`;
  // Amazon Bedrock: "The maximum tokens you requested exceed the model limit of 4096."
  const bedrock = /\bexceeds? the model limit of ([\d,]+)/i.exec(text);
  if (bedrock) return `The largest max_tokens this model accepts here is ${bedrock[1]}.`;
  const limits = signals.model ? models.limits(signals.model) : null;
  return limits ? `${signals.model} accepts max_tokens up to ${fmtInt(limits.maxOutput)} (context window ${fmtInt(limits.contextWindow)}).` : null;
};

const nearestModel: FactFn = ({ signals, models, now }) =>
  signals.model ? describeModelVerdict(models.classify(signals.model), models.data.verified, now) : null;

const imageSize: FactFn = ({ text }) => {
  const m = IMAGE_BYTES.exec(text);
  if (!m) return null;
  const [size, max] = [num(m[1]), num(m[2])];
  // Base64 grows data by 4/3, so the file on disk must be about 3/4 of the limit.
  return `The image is ${fmtBytes(size)} once base64-encoded, ${(size / max).toFixed(1)}× the ${fmtBytes(max)} limit; keep the file under about ${fmtBytes((max * 3) / 4)} before encoding.`;
};

const regainAccess: FactFn = ({ text, now }) => {
  const m = /regain access on (\d{4}-\d{2}-\d{2}) at (\d{2}:\d{2}) UTC/i.exec(text);
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2]}:00Z`);
  const wait = (at.getTime() - now.getTime()) / 1000;
  return wait > 0
    ? `Access resumes ${m[1]} ${m[2]} UTC — in ${fmtDuration(wait)}. Retrying before then fails.`
    : `The message says access resumed ${m[1]} ${m[2]} UTC; if it still fails, the limit was hit again.`;
};

/** Claude Code's "usage limit reached|1762952400": the number is the reset time in Unix seconds. */
const resetEpoch: FactFn = ({ text, now }) => {
  const m = /limit reached\|(\d{10})\b/i.exec(text);
  if (!m) return null;
  const at = new Date(Number(m[1]) * 1000);
  const wait = (at.getTime() - now.getTime()) / 1000;
  return wait > 0
    ? `The limit resets at ${fmtUtc(at, now)} — in ${fmtDuration(wait)}.`
    : `The reset time in the message (${fmtUtc(at, now)}) has passed; if it still fails, the limit was reached again or the client shows a stale message — restart it.`;
};

/** "guardrails: Extra inputs are not permitted": the key the API refused, named so the reply says which one. */
const rejectedField: FactFn = ({ text }) => {
  const m = /(?:^|[\s"'`(])([a-z_]\w*(?:\.\w+){0,8})`?: ?Extra inputs are not permitted/i.exec(text);
  if (!m) return null;
  const path = m[1]!;
  const field = path.slice(path.lastIndexOf('.') + 1);
  return `The key the API refused: \`${field}\`${field === path ? '' : ` (at \`${path}\`)`}.`;
};

const FACTS: Record<FactKind, FactFn> = {
  'retry-at': retryAt,
  'rate-limit-reset': rateLimitReset,
  'token-overage': tokenOverage,
  'max-tokens-fit': maxTokensFit,
  'nearest-model': nearestModel,
  'image-size': imageSize,
  'regain-access': regainAccess,
  'reset-epoch': resetEpoch,
  'rejected-field': rejectedField,
};

/** The facts an entry asks for that the paste supports, in the entry's order. */
export function computeFacts(kinds: readonly FactKind[], ctx: FactContext): string[] {
  return kinds.map((k) => FACTS[k](ctx)).filter((f): f is string => f !== null);
}
