import { z } from 'zod';

/** Clients that both name a paste's origin and key a catalogue snippet. */
const SNIPPET_CLIENTS = [
  'python',
  'typescript',
  'curl',
  'claude-code',
  'agent-sdk',
  'cherry-studio',
  'cursor',
  'cline',
  'continue',
  'vercel-ai',
  'litellm',
  'bedrock',
  'vertex',
  'go',
  'java',
] as const;

/**
 * The tools people paste errors from. Detection picks one; the reply's snippet follows it.
 * `bedrock` / `vertex` name a cloud surface used through its own SDK (boto3, the AWS CLI, Google clients).
 */
export const ClientIdSchema = z.enum([...SNIPPET_CLIENTS, 'csharp', 'ruby', 'php']);
export type ClientId = z.infer<typeof ClientIdSchema>;

/** Keys a catalogue entry may use for its per-client snippets; `gui` is settings steps for desktop apps. */
export const SnippetKeySchema = z.enum([...SNIPPET_CLIENTS, 'gui']);
export type SnippetKey = z.infer<typeof SnippetKeySchema>;

/** Human names, for headlines and the support summary. */
export const CLIENT_LABELS: Record<ClientId, string> = {
  python: 'Python SDK',
  typescript: 'TypeScript / Node SDK',
  curl: 'curl / raw HTTP',
  'claude-code': 'Claude Code',
  'agent-sdk': 'Claude Agent SDK',
  'cherry-studio': 'Cherry Studio',
  cursor: 'Cursor',
  cline: 'Cline',
  continue: 'Continue',
  'vercel-ai': 'Vercel AI SDK',
  litellm: 'LiteLLM',
  bedrock: 'Amazon Bedrock',
  vertex: 'Google Vertex AI',
  go: 'Go SDK',
  java: 'Java SDK',
  csharp: 'C# SDK',
  ruby: 'Ruby SDK',
  php: 'PHP SDK',
};

/**
 * Which snippet to show for a client, most specific first. GUI clients fall back to `gui`
 * (settings steps) rather than code the user cannot run; unknown clients get curl, which shows
 * the raw HTTP that every SDK sends.
 */
export const SNIPPET_FALLBACKS: Record<ClientId | 'unknown', readonly SnippetKey[]> = {
  python: ['python'],
  typescript: ['typescript'],
  curl: ['curl'],
  'claude-code': ['claude-code'],
  'agent-sdk': ['agent-sdk', 'claude-code', 'python'],
  'cherry-studio': ['cherry-studio', 'gui'],
  cursor: ['cursor', 'gui'],
  cline: ['cline', 'gui'],
  continue: ['continue', 'gui'],
  'vercel-ai': ['vercel-ai', 'typescript'],
  litellm: ['litellm', 'python'],
  bedrock: ['bedrock', 'python'],
  vertex: ['vertex', 'python'],
  go: ['go', 'curl'],
  java: ['java', 'curl'],
  csharp: ['curl'],
  ruby: ['curl'],
  php: ['curl'],
  unknown: ['curl', 'python'],
};
