import type { RedactionFinding } from '../redact';

const NAMES: Record<string, string> = {
  'anthropic-key': 'an Anthropic API key or token',
  'openai-key': 'an OpenAI-style API key',
  'aws-access-key': 'an AWS access key',
  'aws-secret-key': 'an AWS secret key',
  'aws-session-token': 'an AWS session token',
  'slack-token': 'a Slack token',
  'github-token': 'a GitHub token',
  'google-api-key': 'a Google API key',
  'google-oauth-token': 'a Google OAuth access token',
  'slack-webhook': 'a Slack webhook URL',
  'discord-webhook': 'a Discord webhook URL',
  'url-password': 'a password in a URL',
  'query-credential': 'a credential in a URL query',
  'huggingface-token': 'a Hugging Face token',
  'private-key': 'a private key',
  jwt: 'a signed token (JWT)',
  'discord-token': 'a Discord bot token',
  'bearer-token': 'a bearer token',
  'generic-credential': 'a credential',
};

/** The private warning: what was found, that it was masked, and that it must be rotated. */
export function secretWarning(findings: RedactionFinding[]): string | null {
  const strict = [...new Set(findings.filter((f) => f.strict).map((f) => f.rule))];
  if (strict.length === 0) return null;
  const what = strict.map((r) => NAMES[r] ?? 'a secret').join(', ');
  const anthropic = strict.includes('anthropic-key')
    ? ' For an Anthropic key: delete it at https://console.anthropic.com/settings/keys and create a new one.'
    : '';
  return `Your paste contained ${what}. I masked it and never send or log it, but treat anything pasted into a chat as leaked: rotate it now.${anthropic}`;
}
