import type { RedactionFinding } from '../redact';

/** What each redaction rule (src/redact/rules.ts) found, and where that credential is replaced. */
interface Credential {
  name: string;
  rotate: string;
}

// Pages checked 2026-12-07: the keys page of the Claude Console (platform.claude.com is its one domain),
// https://platform.claude.com/docs/en/manage-claude/admin-api-keys for admin keys (Settings → Admin keys),
// and each other provider's own key page.
const CONSOLE_KEY: Credential = {
  name: 'a Claude API key',
  rotate: 'delete it at https://platform.claude.com/settings/keys and create a new one',
};
const ANTHROPIC_KINDS: Readonly<Record<string, Credential>> = {
  api03: CONSOLE_KEY,
  // An OAuth token is not on the Console keys page: signing out of Claude Code replaces it.
  oat01: { name: 'a Claude Code login token (OAuth)', rotate: 'sign out of Claude Code and in again (`/logout`, then `/login`) to replace it' },
  ort01: { name: 'a Claude Code refresh token (OAuth)', rotate: 'sign out of Claude Code and in again (`/logout`, then `/login`) to replace it' },
  admin01: {
    name: 'a Claude Admin API key',
    rotate: 'delete it in the Claude Console under Settings → Admin keys (https://platform.claude.com/docs/en/manage-claude/admin-api-keys) and create a new one',
  },
};
const CREDENTIALS: Readonly<Record<string, Credential>> = {
  'openai-key': { name: 'an OpenAI-style API key', rotate: "revoke it on its provider's API keys page (OpenAI: https://platform.openai.com/api-keys)" },
  'aws-access-key': { name: 'an AWS access key', rotate: 'deactivate it in AWS IAM (Security credentials) and create a new one' },
  'aws-secret-key': { name: 'an AWS secret key', rotate: 'deactivate its access key in AWS IAM (Security credentials) and create a new one' },
  'aws-session-token': { name: 'an AWS session token', rotate: 'let it expire or revoke the role session in AWS IAM' },
  'slack-token': { name: 'a Slack token', rotate: "regenerate it in the Slack app's settings (https://api.slack.com/apps)" },
  'github-token': { name: 'a GitHub token', rotate: 'revoke it at https://github.com/settings/tokens' },
  'google-api-key': { name: 'a Google API key', rotate: 'regenerate it in the Google Cloud console under APIs & Services → Credentials' },
  'google-oauth-token': { name: 'a Google OAuth access token', rotate: 'sign out and in again so it is replaced' },
  'slack-webhook': { name: 'a Slack webhook URL', rotate: "remove the webhook in the Slack app's settings and add a new one" },
  'discord-webhook': { name: 'a Discord webhook URL', rotate: "delete the webhook in the channel's Integrations settings and create a new one" },
  'url-password': { name: 'a password in a URL', rotate: 'change that password' },
  'query-credential': { name: 'a credential in a URL query', rotate: 'replace it where it was issued' },
  'huggingface-token': { name: 'a Hugging Face token', rotate: 'invalidate it at https://huggingface.co/settings/tokens' },
  'private-key': { name: 'a private key', rotate: 'replace the key pair' },
  jwt: { name: 'a signed token (JWT)', rotate: 'revoke it, or sign out and in again, where it was issued' },
  'discord-token': { name: 'a Discord bot token', rotate: 'reset it in the Discord Developer Portal (Bot → Reset Token)' },
  'bearer-token': { name: 'a bearer token', rotate: 'revoke it where it was issued' },
  'generic-credential': { name: 'a credential', rotate: 'replace it where it was issued' },
};

function credentialOf(f: RedactionFinding): Credential {
  if (f.rule === 'anthropic-key') return (f.kind && ANTHROPIC_KINDS[f.kind]) || CONSOLE_KEY;
  return CREDENTIALS[f.rule] ?? { name: 'a secret', rotate: 'replace it where it was issued' };
}

/**
 * The private warning: what was found, that it was masked, and how to replace each kind of
 * credential — a Console key on the Console's keys page, a Claude Code token by signing in again.
 */
export function secretWarning(findings: RedactionFinding[]): string | null {
  const found = [...new Map(findings.filter((f) => f.strict).map((f) => [credentialOf(f).name, credentialOf(f)])).values()];
  if (found.length === 0) return null;
  const what = found.map((c) => c.name).join(', ');
  const how = found.length === 1 ? ` — ${found[0]!.rotate}.` : `. ${found.map((c) => `${c.name[0]!.toUpperCase()}${c.name.slice(1)}: ${c.rotate}.`).join(' ')}`;
  return `Your paste contained ${what}. I masked it and never send or log it, but treat anything pasted into a chat as leaked: rotate it now${how}`;
}
