import type { Signals } from '../contracts';
import type { ModelIndex } from '../models';

/**
 * Snippets name the user's own values as placeholders with a default after `|`:
 * `{{model|claude-sonnet-5-5}}`, `{{max_tokens|1024}}`, `{{region|us-east-1}}`. The paste's values
 * replace them when it shows them; otherwise the default stays. A value goes into code the user
 * will run, so only a value of the expected shape is ever used (the paste is untrusted).
 */
export type PlaceholderName = 'model' | 'max_tokens' | 'region';
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

const SHAPES: Readonly<Record<PlaceholderName, RegExp>> = {
  model: /^[a-z0-9][a-z0-9.@:_-]{2,99}$/i,
  max_tokens: /^[1-9]\d{0,6}$/,
  region: /^[a-z]{2,12}(?:-[a-z]{2,12}){1,2}-?\d{1,2}$|^global$/,
};

// Names written by the catalogue: a word, then an optional default without braces or newlines.
const PLACEHOLDER = /\{\{(\w{1,20})(?:\|([^{}\n]{0,200}))?\}\}/g;

/**
 * The paste's values, or a function that reads them: most snippets have no placeholder, and reading
 * the values costs four regexes over the paste, so they are read only for a snippet that has one.
 */
export type PlaceholderSource = PlaceholderValues | (() => PlaceholderValues);

/** Fills each placeholder with the user's value, else its default (else it is left as written). */
export function fillPlaceholders(code: string, source: PlaceholderSource): string {
  if (!code.includes('{{')) return code;
  const values = typeof source === 'function' ? source() : source;
  return code.replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => {
    const value = values[name as PlaceholderName];
    if (value !== undefined && SHAPES[name as PlaceholderName]?.test(value) && sameKind(name, value, fallback)) return value;
    return fallback ?? whole;
  });
}

// AWS regions (us-east-2, ap-southeast-1, us-gov-west-1) and Google Cloud locations (us-central1, europe-west4).
const AWS_REGION = /\b((?:us|eu|ap|ca|sa|me|af|il|mx)-(?:gov-)?(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)\b/;
const GCP_REGION = /\b((?:us|europe|asia|australia|northamerica|southamerica|me|africa)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)\d{1,2})\b/;
const MAX_TOKENS = /\bmax_tokens["'`]?\s*[:=]\s*["']?([1-9]\d{0,6})\b/i;
// "max_tokens: 128001 > 64000" and "128001 is not less or equal to 64000": the second number is the cap.
const OVER_CAP = /max_tokens: ([\d,]{1,12}) > ([\d,]{1,12})|(?<![\d,])[\d,]{1,12} is not less (?:than )?or equal to ([\d,]{1,12})/i;

/** An AWS region never fills a Google Cloud location's place, nor the other way round. */
function sameKind(name: string, value: string, fallback: string | undefined): boolean {
  if (name !== 'region' || !fallback) return true;
  return AWS_REGION.test(value) === AWS_REGION.test(fallback) && GCP_REGION.test(value) === GCP_REGION.test(fallback);
}

/**
 * The values this paste gives: its model when that is a real id (else the id the reply suggests),
 * its max_tokens (capped at the limit the error names) and the first region it mentions.
 */
export function placeholderValues(signals: Signals, text: string, models: ModelIndex): PlaceholderValues {
  const values: PlaceholderValues = {};
  if (signals.model) {
    const v = models.classify(signals.model);
    const usable = v.mistake === 'valid' && !v.retired ? signals.model : (v.suggestion ?? v.retired?.replacement ?? null);
    if (usable) values.model = usable;
  }
  const cap = OVER_CAP.exec(text);
  const capValue = cap ? (cap[2] ?? cap[3])?.replace(/,/g, '') : undefined;
  const sent = MAX_TOKENS.exec(text)?.[1];
  if (capValue) values.max_tokens = capValue;
  else if (sent) values.max_tokens = sent;
  const region = AWS_REGION.exec(text)?.[1] ?? GCP_REGION.exec(text)?.[1];
  if (region) values.region = region;
  return values;
}
