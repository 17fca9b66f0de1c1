import { z } from 'zod';
import { CHARSETS, type CharsetName } from './wraps';

/**
 * Secret patterns, after gitleaks / trufflehog (research/reliability.md §4). Redaction is loose on
 * purpose: a false positive costs a mask, a false negative leaks a key. The patterns run on the
 * matching view (view.ts), where escapes, invisible characters and full-width forms are undone.
 *
 * - `keywords`: lower-case substrings of the view; the pattern only runs when one is present.
 * - `pattern`: flags `dg` (and `i` where case does not matter); the named group `secret` is what is
 *   masked — text around it (a header name, `?key=`) is context and stays. `kind` is the Anthropic
 *   key kind; `body` is the part `minBody` and `continues.target` count.
 * - `mask`: what replaces the secret; `{kind}` is the canonical key kind.
 * - `continues`: the secret may be cut by a wrap or an OCR'd `_`; it is continued over such gaps in
 *   characters of `charset` (wraps.ts), up to `target` when the full length is known.
 * - `valid`: the secret (its pieces joined) must match, else it is not one.
 * - `near`: only a secret within NEAR_WINDOW characters of a match of this pattern counts (paired
 *   credentials: an AWS secret access key is a bare 40-character string next to its key id).
 * - `strict`: a clearly live credential: the user is told to rotate it.
 */
const RegexSchema = z.instanceof(RegExp);
export const SecretRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    keywords: z.array(z.string().min(1).refine((k) => k === k.toLowerCase(), 'keywords are lower-case')).min(1),
    pattern: RegexSchema.refine((r) => r.global && r.hasIndices && r.source.includes('(?<secret>'), 'flags dg and a (?<secret>…) group'),
    mask: z.string().min(1),
    minBody: z.number().int().min(1),
    continues: z.object({ charset: z.enum(Object.keys(CHARSETS) as [CharsetName, ...CharsetName[]]), target: z.number().int().positive().optional() }).optional(),
    valid: RegexSchema.optional(),
    near: RegexSchema.refine((r) => r.global, 'flag g').optional(),
    strict: RegexSchema.optional(),
  })
  .strict();
export type SecretRule = z.infer<typeof SecretRuleSchema>;

/** How far from its key id a bare AWS secret access key may stand. */
export const NEAR_WINDOW = 240;

/** Labels a credential value follows in env files, headers, configs and code. */
const LABEL =
  'x-api-key|api[_-]?key|apikey|auth[_-]?token|access[_-]?token|refresh[_-]?token|(?<![a-z])token|secret|password|passwd|client[_-]?secret|anthropic_auth_token|claude_code_oauth_token';

const RULES: readonly SecretRule[] = [
  {
    // Every `sk-ant-<kind><n>-` family member (api03, admin01, oat01, ort01, req...). The kind is kept:
    // an OAuth token used as an API key is itself a diagnosis. OCR reads `api03` as `api®3`/`api@3`.
    id: 'anthropic-key',
    keywords: ['sk-', 'sk -'],
    pattern: /\b(?<secret>sk ?- ?ant ?- ?(?<kind>[a-z0-9@®©°º]{2,10}) ?- ?(?<body>[a-z0-9_-]*))/dgi,
    mask: 'sk-ant-{kind}-[REDACTED]',
    minBody: 6,
    continues: { charset: 'key', target: 95 },
    strict: /^sk-ant-(?:api03|admin01|oat01|ort01)-[A-Za-z0-9_-]{20,}$/,
  },
  {
    id: 'openai-key',
    keywords: ['sk-'],
    pattern: /\b(?<secret>sk-(?!ant ?-)(?:proj-|svcacct-|admin-|or-v1-)?(?<body>[a-z0-9_-]*))/dgi,
    mask: 'sk-[REDACTED]',
    minBody: 20,
    continues: { charset: 'key' },
    strict: /^sk-[A-Za-z0-9_-]{30,}$/i,
  },
  {
    id: 'aws-access-key',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    pattern: /\b(?<secret>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/dg,
    mask: '[REDACTED:aws-access-key]',
    minBody: 20,
    strict: /^(?:AKIA|ASIA)[A-Z2-7]{16}$/,
  },
  {
    id: 'aws-secret-key',
    keywords: ['secret'],
    pattern: /(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key|aws_?secret)["']?\s*[:=]\s*["']?(?<secret>[a-z0-9/+=]*)/dgi,
    mask: '[REDACTED]',
    minBody: 30,
    continues: { charset: 'base64', target: 40 },
    strict: /[A-Za-z0-9/+=]{40}/,
  },
  {
    // A bare secret access key is only recognisable next to its key id (as GitHub pairs them):
    // the credentials CSV, `aws configure list`, a config dump.
    id: 'aws-secret-key',
    keywords: ['akia', 'asia'],
    pattern: /(?<![A-Za-z0-9/+=])(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dg,
    mask: '[REDACTED:aws-secret-key]',
    minBody: 40,
    valid: /^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9/+])/,
    near: /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/g,
    strict: /^[A-Za-z0-9/+]{40}$/,
  },
  {
    id: 'aws-session-token',
    keywords: ['session', 'security'],
    pattern: /(?:aws_?session_?token|session_?token|x-amz-security-token|security_?token)["']?\s*[:=]\s*["']?(?<secret>[a-z0-9/+=]*)/dgi,
    mask: '[REDACTED]',
    minBody: 16,
    continues: { charset: 'base64' },
    strict: /^[A-Za-z0-9/+=]{40,}$/,
  },
  {
    // STS session tokens start with the base64 of their own header.
    id: 'aws-session-token',
    keywords: ['iqojb3jpz2lux2vj', 'fwogzxivyxdz'],
    pattern: /\b(?<secret>(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz)[A-Za-z0-9/+=]*)/dg,
    mask: '[REDACTED:aws-session-token]',
    minBody: 40,
    continues: { charset: 'base64' },
    strict: /^[A-Za-z0-9/+=]{100,}$/,
  },
  {
    id: 'slack-token',
    keywords: ['xox', 'xapp-'],
    pattern: /\b(?<secret>(?:xox[abposre]|xapp)-[a-z0-9-]*)/dgi,
    mask: '[REDACTED:slack-token]',
    minBody: 13,
    continues: { charset: 'key' },
    strict: /^(?:xox[bpe]-\d{6,}-|xapp-\d-)/,
  },
  {
    id: 'slack-webhook',
    keywords: ['hooks.slack.com'],
    pattern: /\bhooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[a-z0-9_/-]*)/dgi,
    mask: '[REDACTED]',
    minBody: 8,
    continues: { charset: 'path' },
    strict: /^T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/,
  },
  {
    id: 'discord-webhook',
    keywords: ['webhooks/'],
    pattern: /\bdiscord(?:app)?\.com\/api(?:\/v\d{1,2})?\/webhooks\/(?<secret>\d+\/[a-z0-9_-]*)/dgi,
    mask: '[REDACTED]',
    minBody: 12,
    continues: { charset: 'key' },
    strict: /^\d{15,}\/[A-Za-z0-9_-]{50,}$/,
  },
  {
    id: 'github-token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /\b(?<secret>(?:gh[pousr]_|github_pat_)[a-z0-9_]*)/dgi,
    mask: '[REDACTED:github-token]',
    minBody: 33,
    continues: { charset: 'word' },
    strict: /^(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_\w{60,})$/,
  },
  {
    id: 'google-api-key',
    keywords: ['aiza'],
    pattern: /\b(?<secret>AIza[0-9a-z_-]*)/dgi,
    mask: '[REDACTED:google-api-key]',
    minBody: 34,
    continues: { charset: 'key', target: 39 },
    strict: /^AIza[0-9A-Za-z_-]{35}$/,
  },
  {
    id: 'google-oauth-token',
    keywords: ['ya29'],
    pattern: /\b(?<secret>ya29\.[0-9a-z_-]*)/dgi,
    mask: 'ya29.[REDACTED]',
    minBody: 25,
    continues: { charset: 'key' },
    strict: /^ya29\.[0-9A-Za-z_-]{30,}$/,
  },
  {
    id: 'huggingface-token',
    keywords: ['hf_'],
    pattern: /\b(?<secret>hf_[a-z0-9]*)/dgi,
    mask: '[REDACTED:hf-token]',
    minBody: 33,
    continues: { charset: 'word' },
    strict: /^hf_[A-Za-z0-9]{34,}$/,
  },
  {
    id: 'private-key',
    keywords: ['private key'],
    // The body runs up to a dash run (the END line) without backtracking; a missing END masks the body.
    pattern: /(?<secret>-----BEGIN[A-Z ]{0,30}PRIVATE KEY-----(?:[A-Za-z0-9+/=\s:,.]|-(?!----)){0,10000}(?:-----END[A-Z ]{0,30}PRIVATE KEY-----)?)/dg,
    mask: '[REDACTED:private-key]',
    minBody: 1,
    strict: /[A-Za-z0-9+/=\s]{64,}/,
  },
  {
    // Header and the start of the payload are enough: a wrap may cut the rest.
    id: 'jwt',
    keywords: ['eyj'],
    pattern: /\b(?<secret>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_.-]*)/dg,
    mask: '[REDACTED:jwt]',
    minBody: 20,
    continues: { charset: 'jwt' },
    strict: /./,
  },
  {
    id: 'discord-token',
    keywords: ['.'],
    pattern: /\b(?<secret>[MNO][A-Za-z\d_-]{23,27}\.[\w-]{6}\.[\w-]{27,40})\b/dg,
    mask: '[REDACTED:discord-token]',
    minBody: 1,
    strict: /./,
  },
  {
    // `scheme://user:password@host`: proxy settings, database URLs, git remotes.
    id: 'url-password',
    keywords: ['://'],
    pattern: /:\/\/[^\s:/@"'<>[\]]{1,128}:(?<secret>[^\s/"'<>[\]]{1,128})@/dg,
    mask: '[REDACTED]',
    minBody: 1,
    strict: /^.{8,}$/,
  },
  {
    // Credentials in query strings: `?key=` (Google-style), `token=`, `access_token=`, signatures.
    id: 'query-credential',
    keywords: ['key=', 'token=', 'secret=', 'password=', 'passwd=', 'pwd=', 'sig=', 'signature='],
    pattern: /[?&;](?:key|api[_-]?key|apikey|token|access[_-]?token|auth[_-]?token|refresh[_-]?token|id[_-]?token|client[_-]?secret|secret|password|passwd|pwd|sig|signature|x-amz-signature|x-amz-security-token)=(?<secret>[a-z0-9%._~+/=-]*)/dgi,
    mask: '[REDACTED]',
    minBody: 6,
    continues: { charset: 'url' },
    strict: /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9%._~+/=-]{16,}$/,
  },
  {
    // Authorization headers and bare bearer tokens, in curl commands and header dumps.
    id: 'bearer-token',
    keywords: ['bearer', 'basic ', 'token '],
    pattern: /\b(?:[Bb]earer|BEARER|Basic|BASIC|Token|TOKEN)\s+(?!\[REDACTED)(?<secret>[A-Za-z0-9._~+/=-]*)/dg,
    mask: '[REDACTED]',
    minBody: 16,
    continues: { charset: 'token' },
    strict: /[A-Za-z0-9._~+/=-]{24,}/,
  },
  {
    // x-api-key / api-key headers and KEY=value assignments. The value must look like a credential
    // (long, letters and digits) so "max_tokens=64000" and request ids stay readable.
    id: 'generic-credential',
    keywords: ['key', 'token', 'secret', 'password', 'passwd'],
    // Letters and digits are checked on the value (`valid`), not by lookaheads: a lookahead rescans
    // the rest of the run from every label (`token=token=…`), which is quadratic.
    pattern: new RegExp(`(?:${LABEL})["']?\\s*[:=]\\s*["']?(?!\\[REDACTED|sk-ant-|req_|toolu_|msg_)(?<secret>[A-Za-z0-9_./+=-]{16,})`, 'dgi'),
    mask: '[REDACTED]',
    minBody: 16,
    continues: { charset: 'token' },
    valid: /^(?=[^]*\d)(?=[^]*[A-Za-z])/,
    strict: /[A-Za-z0-9_./+=-]{24,}/,
  },
];

/** In priority order: where two rules find overlapping secrets, the earlier one names it. */
export const SECRET_RULES: readonly SecretRule[] = z.array(SecretRuleSchema).parse(RULES);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Words as a trie-shaped pattern (`s(?:k-|ecret=?|…)|a(?:kia|…)`): the regex engine branches once
 * per position instead of trying every word there — half the cost of a flat alternation. Optional
 * tails are greedy, so the longest word is found.
 */
function triePattern(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  let endsHere = false;
  for (const word of words) {
    if (word === '') endsHere = true;
    else byFirst.set(word[0]!, [...(byFirst.get(word[0]!) ?? []), word.slice(1)]);
  }
  const branches = [...byFirst].map(([first, rests]) => escape(first) + triePattern(rests));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  return endsHere ? `(?:${body})?` : body;
}

let EVERY_KEYWORD_SCAN: RegExp | undefined;
const KEYWORDS = [...new Set(SECRET_RULES.flatMap((r) => r.keywords))];

/**
 * One-character keywords without case that begin no other keyword (`.`) are looked up with
 * `includes`: in the scan they would stop it at every full stop of a paste. The rules chosen stay
 * the same: no other keyword starts with such a character, so no other match moves, and each
 * occurrence in the text was either matched on its own or lies inside a longer hit.
 */
const CHAR_KEYWORDS = KEYWORDS.filter((k) => k.length === 1 && k.toLowerCase() === k.toUpperCase() && !KEYWORDS.some((o) => o !== k && o.startsWith(k)));

/** Every other keyword at once: one pass over the text finds which rules can match. */
const KEYWORD_SCAN = new RegExp(triePattern(KEYWORDS.filter((k) => !CHAR_KEYWORDS.includes(k))), 'gi');

/**
 * The rules whose keywords occur in `text`, in priority order. A keyword inside a longer one that
 * was found (`key` in `key=`) counts as found too. `everyKeywordScanned` puts the one-character
 * keywords back in the scan (the differential test, test/core/redact-keywords.test.ts).
 */
export function rulesFor(text: string, everyKeywordScanned = false): SecretRule[] {
  const hits = new Set<string>();
  const scan = everyKeywordScanned ? (EVERY_KEYWORD_SCAN ??= new RegExp(triePattern(KEYWORDS), 'gi')) : KEYWORD_SCAN;
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m; m = scan.exec(text)) hits.add(m[0].toLowerCase());
  if (!everyKeywordScanned) for (const k of CHAR_KEYWORDS) if (text.includes(k)) hits.add(k);
  if (hits.size === 0) return [];
  const found = [...hits];
  return SECRET_RULES.filter((rule) => rule.keywords.some((k) => hits.has(k) || found.some((hit) => hit.includes(k))));
}
