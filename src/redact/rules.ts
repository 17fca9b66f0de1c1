/**
 * Secret patterns, after gitleaks / trufflehog (research/reliability.md §4). Redaction is loose on
 * purpose: a false positive costs a mask, a false negative leaks a key. Each rule has cheap
 * `keywords` (case-sensitive substrings) so the regex only runs when it can match.
 */
export interface SecretRule {
  id: string;
  keywords: readonly string[];
  pattern: RegExp;
  /** What replaces the match. `$1` etc. refer to capture groups, so a prefix can be kept. */
  mask: string;
  /** A strict match is clearly a live credential: the user is told to rotate it. */
  strict?: RegExp;
}

export const SECRET_RULES: readonly SecretRule[] = [
  {
    // Every `sk-ant-<kind><n>-` family member (api03, admin01, oat01, ort01, req...). The kind is
    // kept: an OAuth token used as an API key is itself a diagnosis.
    id: 'anthropic-key',
    keywords: ['sk-ant-'],
    pattern: /\b(sk-ant-[a-z]+\d*-)[A-Za-z0-9_-]{6,}/g,
    mask: '$1[REDACTED]',
    strict: /^sk-ant-(?:api03|admin01|oat01|ort01)-[A-Za-z0-9_-]{20,}$/,
  },
  {
    id: 'openai-key',
    keywords: ['sk-'],
    pattern: /\bsk-(?:proj-|svcacct-|admin-|or-v1-)?[A-Za-z0-9_-]{20,}/g,
    mask: 'sk-[REDACTED]',
    strict: /^sk-[A-Za-z0-9_-]{30,}$/,
  },
  {
    id: 'aws-access-key',
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g,
    mask: '[REDACTED:aws-access-key]',
    strict: /^(?:AKIA|ASIA)[A-Z2-7]{16}$/,
  },
  {
    id: 'aws-secret-key',
    keywords: ['aws_secret', 'AWS_SECRET', 'SecretAccessKey', 'secretAccessKey'],
    pattern: /((?:aws_secret_access_key|AWS_SECRET_ACCESS_KEY|SecretAccessKey|secretAccessKey)["']?\s*[:=]\s*["']?)[A-Za-z0-9/+=]{30,}/g,
    mask: '$1[REDACTED]',
    strict: /[A-Za-z0-9/+=]{40}/,
  },
  {
    id: 'slack-token',
    keywords: ['xox', 'xapp-'],
    pattern: /\b(?:xox[abposre]|xapp)-[A-Za-z0-9-]{8,}/g,
    mask: '[REDACTED:slack-token]',
    strict: /^(?:xox[bpe]-\d{6,}-|xapp-\d-)/,
  },
  {
    id: 'github-token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/g,
    mask: '[REDACTED:github-token]',
    strict: /^(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_\w{60,})$/,
  },
  {
    id: 'google-api-key',
    keywords: ['AIza'],
    pattern: /\bAIza[0-9A-Za-z_-]{30,}/g,
    mask: '[REDACTED:google-api-key]',
    strict: /^AIza[0-9A-Za-z_-]{35}$/,
  },
  {
    id: 'huggingface-token',
    keywords: ['hf_'],
    pattern: /\bhf_[A-Za-z0-9]{30,}/g,
    mask: '[REDACTED:hf-token]',
    strict: /^hf_[A-Za-z0-9]{34,}$/,
  },
  {
    id: 'private-key',
    keywords: ['PRIVATE KEY'],
    pattern: /-----BEGIN[A-Z ]{0,30}PRIVATE KEY-----[\s\S]{0,10000}?(?:-----END[A-Z ]{0,30}PRIVATE KEY-----|$)/g,
    mask: '[REDACTED:private-key]',
    strict: /[A-Za-z0-9+/=\s]{64,}/,
  },
  {
    id: 'jwt',
    keywords: ['eyJ'],
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
    mask: '[REDACTED:jwt]',
    strict: /./,
  },
  {
    id: 'discord-token',
    keywords: ['.'],
    pattern: /\b[MNO][A-Za-z\d_-]{23,27}\.[\w-]{6}\.[\w-]{27,40}\b/g,
    mask: '[REDACTED:discord-token]',
    strict: /./,
  },
  {
    // Authorization headers and bare bearer tokens, in curl commands and header dumps.
    id: 'bearer-token',
    keywords: ['Bearer', 'bearer', 'BEARER', 'Basic ', 'Token '],
    pattern: /\b((?:Bearer|bearer|BEARER|Basic|Token)\s+)(?!\[REDACTED)[A-Za-z0-9._~+/=-]{16,}/g,
    mask: '$1[REDACTED]',
    strict: /[A-Za-z0-9._~+/=-]{24,}/,
  },
  {
    // x-api-key / api-key headers and KEY=value assignments. The value must look like a
    // credential (long, mixed) so "max_tokens=64000" and request ids stay readable.
    id: 'generic-credential',
    keywords: ['key', 'KEY', 'Key', 'token', 'TOKEN', 'Token', 'secret', 'SECRET', 'Secret', 'password', 'PASSWORD'],
    pattern:
      /((?:x-api-key|api[_-]?key|apikey|auth[_-]?token|access[_-]?token|secret|password|passwd|client[_-]?secret|ANTHROPIC_AUTH_TOKEN|CLAUDE_CODE_OAUTH_TOKEN)["']?\s*[:=]\s*["']?)(?!\[REDACTED|sk-ant-|req_|toolu_|msg_)(?=[A-Za-z0-9_./+=-]*\d)(?=[A-Za-z0-9_./+=-]*[A-Za-z])[A-Za-z0-9_./+=-]{16,}/gi,
    mask: '$1[REDACTED]',
    strict: /[A-Za-z0-9_./+=-]{24,}/,
  },
];
