import type { Category } from '../contracts';
import { loadNamedPatterns } from '../knowledge/patterns';
import type { Fact } from './facts';
import { fmtDuration } from './format';

/**
 * Claude Code's retry status ("Retrying in 17 seconds… (attempt 6/10)", or the v2.1 spinner's
 * "Retrying in 4s · attempt 6/10"): the paste says how far Claude Code got retrying by itself,
 * which decides what the user should do next. The pattern is data (catalog/patterns.yaml
 * `claude-code-retry-banner`, with its real examples and their threads).
 *
 * Claude Code retries up to `CLAUDE_CODE_MAX_RETRIES` times (default 10) with exponential backoff
 * before it shows an error (code.claude.com/docs/en/errors, "automatic retries"; as catalogued in
 * ../shared/research/catalogue-facts.md §7.1, read 2026-12-07).
 */
export const CLAUDE_CODE_DEFAULT_RETRIES = 10;

const source = loadNamedPatterns().get('claude-code-retry-banner')?.pattern;
if (!source) throw new Error('catalog/patterns.yaml: the named pattern claude-code-retry-banner is missing');
const BANNER = new RegExp(source, 'gi');
/** The status with the separator before it and the old wording's closing parenthesis. */
const BANNER_SPAN = new RegExp(`[ \\t]{0,4}·?[ \\t]{0,4}(?:${source})\\)?`, 'gi');

export interface RetryBanner {
  /** The latest attempt the paste shows (1-based), and how many Claude Code allows. */
  attempt: number;
  of: number;
  /** The wait before that attempt, in seconds. */
  waitSeconds: number;
}

/** The latest retry status in the paste (the highest attempt; the last printed among equals), or null. */
export function readRetryBanner(text: string): RetryBanner | null {
  let best: RetryBanner | null = null;
  for (const m of text.matchAll(BANNER)) {
    const [wait, attempt, of] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!(attempt >= 1 && of >= 1 && attempt <= of)) continue;
    if (best === null || attempt >= best.attempt) best = { attempt, of, waitSeconds: wait };
  }
  return best;
}

/** The text without Claude Code's retry statuses: once the verdict has said them, a quote of the paste need not repeat them. */
export function withoutRetryStatus(text: string): string {
  return text.replace(BANNER_SPAN, '');
}

// What retrying by itself tells about each kind of error, once Claude Code has used its retries.
const NETWORK: ReadonlySet<Category> = new Set(['network.connection', 'network.timeout']);

function meaning(category: Category): string {
  if (NETWORK.has(category)) return 'the network path to the API stays broken, not a one-off drop';
  if (category === 'overloaded') return 'capacity for this model stays short for minutes, not seconds';
  if (category.startsWith('rate_limit')) return 'the limit has not refilled yet';
  return 'the failure outlasts a quick retry';
}

/**
 * The verdict's first fact: how many times Claude Code already retried, and what that means for
 * this error (still retrying: let it run; out of retries: another immediate retry fails the same way).
 */
export function retryBannerFact(text: string, entry: { category: Category; retryable: boolean | null }): Fact | null {
  const banner = readRetryBanner(text);
  if (!banner) return null;
  const { attempt, of, waitSeconds } = banner;
  const setting = of === CLAUDE_CODE_DEFAULT_RETRIES ? '' : ` \`CLAUDE_CODE_MAX_RETRIES\` is ${of} here (the default is ${CLAUDE_CODE_DEFAULT_RETRIES}).`;
  const next = waitSeconds > 0 ? `, next in ${fmtDuration(waitSeconds)}` : '';
  // An error retrying cannot fix (a 401, a 403): how far Claude Code got does not matter.
  if (entry.retryable === false) {
    return { brief: `Claude Code retries it by itself (attempt ${attempt} of ${of}${next}), but retrying does not fix this error: its cause has to change first.${setting}` };
  }
  if (attempt < of) {
    return {
      brief: `Claude Code is still retrying by itself: attempt ${attempt} of ${of}${next}. ${
        // Past half its retries, the failures are no blip: say what that means for this error.
        attempt * 2 > of ? `${attempt - 1} tries in a row failed, so ${meaning(entry.category)}.` : 'Let it run; it shows an error only if the last attempt fails.'
      }${setting}`,
    };
  }
  return {
    brief: `Claude Code already used all ${of} of its retries${waitSeconds > 0 ? ` (the last after ${fmtDuration(waitSeconds)})` : ''}, so ${meaning(entry.category)}.${setting}`,
    more: `Claude Code retries a failed request by itself, up to \`CLAUDE_CODE_MAX_RETRIES\` times (default ${CLAUDE_CODE_DEFAULT_RETRIES}), waiting longer each time; the paste shows attempt ${attempt} of ${of}.`,
  };
}
