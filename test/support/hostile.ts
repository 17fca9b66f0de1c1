import type { Category } from '../../src/contracts';
import { loadCorpus } from './corpus';

/** A real Python SDK 429, the error most hostile pastes below are wrapped around. */
export const RATE_LIMIT_PASTE =
  "anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'This request would exceed the rate limit for your organization of 40,000 input tokens per minute.'}}";

/** The rate-limit body, JSON-encoded `depth` times: a log line inside a log line inside … */
function nestedJsonString(depth: number): string {
  let s = `{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}`;
  for (let i = 0; i < depth; i++) s = JSON.stringify(s);
  return s;
}

/** Many Claude Code retry lines, each naming another failure, ending in the final banner. */
function retryRun(length: number): string {
  const lines: string[] = [];
  for (let i = 0, size = 0; size < length; i++) {
    const line = `API Error (Request timed out ${i}.) · Retrying in 1 seconds… (attempt ${i % 10}/10) `;
    lines.push(line);
    size += line.length;
  }
  return `Context limit reached ${lines.join('')}API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`;
}

export interface HostileInput {
  name: string;
  /** The paste, about `length` characters long. */
  text: (length: number) => string;
  /** The answer it must get, as for the same error without the hostile part. */
  category: Category;
}

/**
 * Pastes that made a regex backtrack (quadratic time) before the rewrite, from issue 15 and the
 * regex audit (`npx tsx test/support/regex-audit.ts`): long runs of one character, escapes,
 * digits, nested JSON strings, retry lines. Each holds a real error or none, so the answer is known.
 */
export const HOSTILE_INPUTS: readonly HostileInput[] = [
  { name: '64,000 backslashes', text: (n) => '\\'.repeat(n), category: 'unknown' },
  { name: 'backslashes before a 429', text: (n) => `${'\\'.repeat(n)}\n${RATE_LIMIT_PASTE}`, category: 'rate_limit' },
  { name: '`prompt is too long: ` and 64k digits', text: (n) => `prompt is too long: ${'6'.repeat(n)}`, category: 'request.prompt_too_long' },
  { name: '`prompt is too long: ` and 64k digits and commas', text: (n) => `prompt is too long: ${'1,'.repeat(n / 2)}`, category: 'request.prompt_too_long' },
  { name: 'double quotes', text: (n) => `${'"'.repeat(n)}\n${RATE_LIMIT_PASTE}`, category: 'rate_limit' },
  { name: 'single quotes', text: (n) => `${"'".repeat(n)}\n${RATE_LIMIT_PASTE}`, category: 'rate_limit' },
  { name: 'spaces', text: (n) => `${' '.repeat(n)}${RATE_LIMIT_PASTE}`, category: 'rate_limit' },
  { name: 'a terminal frame border, then spaces', text: (n) => `│${' '.repeat(n)}x\n${RATE_LIMIT_PASTE}`, category: 'rate_limit' },
  { name: 'escaped newlines', text: (n) => `${'\\n'.repeat(n / 2)}${RATE_LIMIT_PASTE}`, category: 'rate_limit' },
  { name: 'broken unicode escapes', text: (n) => `${'\\u00'.repeat(n / 4)}${RATE_LIMIT_PASTE}`, category: 'rate_limit' },
  { name: 'JSON nested 12 times in strings', text: () => `Error: 429 ${nestedJsonString(12)}`, category: 'rate_limit' },
  { name: 'unclosed message keys', text: (n) => `${'{"message": "'.repeat(n / 14)}\n${RATE_LIMIT_PASTE}`, category: 'rate_limit' },
  { name: 'brace-less message keys', text: (n) => `${'"message": "x", '.repeat(n / 16)}\n${RATE_LIMIT_PASTE}`, category: 'rate_limit' },
  { name: 'retry lines that all differ', text: retryRun, category: 'overloaded' },
];

/** Plain text of the same length: real pastes from the dev corpus, one after another. */
export function plainText(length: number): string {
  const texts = loadCorpus().map((c) => c.text);
  let out = '';
  for (let i = 0; out.length < length; i++) out += `${texts[i % texts.length]}\n`;
  return out.slice(0, length);
}
/** Pastes built to make a backtracking regex explode (test/catalog/linear-time.test.ts, `npm run bench`). */
export const HOSTILE: Readonly<Record<string, string>> = {
  '64,000 backslashes': '\\'.repeat(64_000),
  '64k digits after "prompt is too long: "': `prompt is too long: ${'9'.repeat(64_000)}`,
  '40,000 characters of mixed words': Array.from({ length: 5_000 }, (_, i) => ['error', 'rate', 'limit', 'API', 'Error:', '429', 'x-api-key', 'overloaded'][i % 8])
    .join(' ')
    .slice(0, 40_000),
};
