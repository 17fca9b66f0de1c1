import { ALNUM, fakeSecrets, KEYCHARS, pseudoRandom } from './secrets';

/**
 * The ways a credential reaches the bot that plain pattern matching misses (issue 15, point 2):
 * wrapped by a terminal or a Claude Code box, escaped, interleaved with invisible characters,
 * re-cased, full-width, and the credential kinds the first redactor did not know. Each form carries
 * `secret`, the part of the credential that must never leave the process: the checks look for any
 * 8-character run of it.
 */
export interface SecretForm {
  name: string;
  /** The form as a user pastes it. */
  text: string;
  /** The secret part (without a public prefix such as `sk-ant-api03-`). */
  secret: string;
  /** The redaction rule that must find it: it names the kind of credential. */
  rule: string;
}

const s = fakeSecrets(11);
const KIND = 'sk-ant-api03-';
/** 95 characters with `_` and `-` in them, as real keys have. */
export const KEY_BODY = s.anthropicApi.slice(KIND.length);
export const KEY = s.anthropicApi;
const B64 = `${ALNUM}/+`;

/** Hard wrap at a column, as a terminal does. */
export const hardWrap = (line: string, columns: number): string => line.match(new RegExp(`.{1,${columns}}`, 'g'))!.join('\n');

/** Text inside a Claude Code box: `│ ` borders, lines cut at the inner width, padded. */
export function claudeCodeBox(text: string, inner: number): string {
  const lines = text.split('\n').flatMap((l) => hardWrap(l, inner).split('\n'));
  const rule = '─'.repeat(inner + 2);
  return [`╭${rule}╮`, ...lines.map((l) => `│ ${l.padEnd(inner)} │`), `╰${rule}╯`].join('\n');
}

const every = (text: string, n: number, insert: string) => text.replace(new RegExp(`(.{${n}})`, 'g'), `$1${insert}`);

const session = `IQoJb3JpZ2luX2VjE${pseudoRandom(101, 340, B64)}`;
const ya29 = `a0AfB_${pseudoRandom(102, 150, KEYCHARS)}`;
const queryKey = pseudoRandom(103, 39, ALNUM);
const queryToken = pseudoRandom(104, 32, ALNUM);
const accessToken = pseudoRandom(105, 48, ALNUM);
const proxyPassword = `${pseudoRandom(106, 14, ALNUM)}`;
const slackHook = `T0${pseudoRandom(107, 8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/B0${pseudoRandom(108, 8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/${pseudoRandom(109, 24, ALNUM)}`;
const discordHook = `${pseudoRandom(110, 19, '0123456789')}/${pseudoRandom(111, 68, KEYCHARS)}`;

export const SECRET_FORMS: readonly SecretForm[] = [
  { name: 'key wrapped by a terminal at 80 columns', text: hardWrap(`$ export ANTHROPIC_API_KEY=${KEY}`, 80), secret: KEY_BODY, rule: 'anthropic-key' },
  { name: 'key wrapped at 60 columns right after its prefix', text: hardWrap(`${'the key in use = '.padStart(47, '.')}${KEY}`, 60), secret: KEY_BODY, rule: 'anthropic-key' },
  { name: 'key wrapped inside its prefix', text: `curl -H "x-api-key: ${KEY.slice(0, 9)}\n${KEY.slice(9)}"`, secret: KEY_BODY, rule: 'anthropic-key' },
  { name: 'key inside a Claude Code box', text: claudeCodeBox(`> why does this fail? my key is ${KEY} thanks`, 56), secret: KEY_BODY, rule: 'anthropic-key' },
  { name: 'key with `_` read as spaces (OCR)', text: `the key printed was ${KEY.replace(/_/g, ' ')} and then it stopped`, secret: KEY_BODY.replace(/_/g, ' '), rule: 'anthropic-key' },
  { name: 'key with \\u002d escapes in JSON', text: JSON.stringify({ env: { KEY_IN_USE: KEY } }).replace(/-/g, '\\u002d'), secret: KEY_BODY, rule: 'anthropic-key' },
  { name: 'key with zero-width spaces', text: `key in use: ${every(KEY, 9, '\u200b')}`, secret: KEY_BODY, rule: 'anthropic-key' },
  { name: 'key with soft hyphens', text: `key in use: ${every(KEY, 13, '\u00ad')}`, secret: KEY_BODY, rule: 'anthropic-key' },
  { name: 'key with ANSI colour codes inside', text: `\u001b[1mkey\u001b[0m ${KEY.slice(0, 40)}\u001b[31m${KEY.slice(40)}\u001b[0m`, secret: KEY_BODY, rule: 'anthropic-key' },
  { name: 'key with &#45; entities', text: `<code>${KEY.replace(/-/g, '&#45;')}</code>`, secret: KEY_BODY, rule: 'anthropic-key' },
  { name: 'key with %2D escapes', text: `GET /proxy/check/${KEY.replace(/-/g, '%2D')} HTTP/1.1`, secret: KEY_BODY, rule: 'anthropic-key' },
  { name: 'upper-case key', text: `KEY IN USE: ${KEY.toUpperCase()}`, secret: KEY_BODY.toUpperCase(), rule: 'anthropic-key' },
  { name: 'full-width prefix', text: `key in use: ｓｋ－ａｎｔ－ａｐｉ０３－${KEY_BODY}`, secret: KEY_BODY, rule: 'anthropic-key' },
  { name: 'bare AWS secret access key next to its key id', text: `Access key ID,Secret access key\n${s.awsAccess},${s.awsSecret}`, secret: s.awsSecret, rule: 'aws-secret-key' },
  { name: 'AWS_SESSION_TOKEN', text: `export AWS_SESSION_TOKEN=${session}`, secret: session, rule: 'aws-session-token' },
  { name: 'bare AWS session token', text: `credentials expired? token ${session}`, secret: session, rule: 'aws-session-token' },
  { name: 'ya29. Google OAuth token', text: `gcloud auth print-access-token\nya29.${ya29}`, secret: ya29, rule: 'google-oauth-token' },
  { name: '?key= query value', text: `POST https://gateway.example.invalid/v1/messages?key=${queryKey} failed`, secret: queryKey, rule: 'query-credential' },
  { name: 'token= query value', text: `connecting to wss://gateway.example.invalid/socket?v=10&token=${queryToken}`, secret: queryToken, rule: 'query-credential' },
  { name: 'access_token= query value', text: `GET https://api.example.invalid/me?fields=id&access_token=${accessToken}`, secret: accessToken, rule: 'query-credential' },
  { name: 'password in a proxy URL', text: `HTTPS_PROXY=http://alice:${proxyPassword}@proxy.corp.example:3128`, secret: proxyPassword, rule: 'url-password' },
  { name: 'Slack webhook URL', text: `posting alerts to https://hooks.slack.com/services/${slackHook}`, secret: slackHook, rule: 'slack-webhook' },
  { name: 'Discord webhook URL', text: `webhook: https://discord.com/api/webhooks/${discordHook}`, secret: discordHook.split('/')[1]!, rule: 'discord-webhook' },
  // A --jsonl line that is not JSON: the parser's own message quotes short lines whole.
  { name: 'non-JSON --jsonl line with an access key id', text: s.awsAccess, secret: s.awsAccess.slice(4), rule: 'aws-access-key' },
];

/** Every 8-character run of `secret`, lower-cased (a re-cased leak is still a leak). */
export function eightCharRuns(secret: string): string[] {
  const flat = secret.toLowerCase();
  const runs: string[] = [];
  for (let i = 0; i + 8 <= flat.length; i++) {
    const run = flat.slice(i, i + 8);
    if (!run.includes(' ')) runs.push(run);
  }
  return runs;
}

/**
 * Output text as a reader would see it: escapes undone, invisible characters and ANSI codes
 * dropped, compatibility forms folded. Independent of src/redact on purpose, so the redactor is not
 * checked against itself.
 */
export function readable(text: string): string {
  return text
    .replace(/\\+u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#(\d{1,6});/g, (_, dec: string) => String.fromCharCode(Number(dec)))
    .replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .normalize('NFKC')
    .toLowerCase();
}

/** The 8-character runs of `secret` that appear in `output` (raw or readable). */
export function leakedRuns(secret: string, output: string): string[] {
  const raw = output.toLowerCase();
  const read = readable(output);
  // Line breaks and box borders could hide a run split over two lines: look at them joined too.
  const joined = read.replace(/[\s│|]+/g, '');
  return eightCharRuns(secret).filter((run) => raw.includes(run) || read.includes(run) || joined.includes(run.replace(/\s/g, '')));
}
