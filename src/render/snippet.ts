import type { CompiledEntry } from '../catalog';
import { type ClientId, SNIPPET_FALLBACKS, type Snippet, type SnippetKey } from '../contracts';

const LANGUAGE: Record<SnippetKey, string> = {
  python: 'python',
  typescript: 'ts',
  curl: 'bash',
  'claude-code': 'bash',
  'agent-sdk': 'python',
  'cherry-studio': 'text',
  cursor: 'text',
  cline: 'text',
  continue: 'text',
  'vercel-ai': 'ts',
  litellm: 'python',
  bedrock: 'python',
  vertex: 'python',
  go: 'go',
  java: 'java',
  gui: 'text',
};

const LABEL: Record<SnippetKey, string> = {
  python: 'Python',
  typescript: 'TypeScript',
  curl: 'curl',
  'claude-code': 'Claude Code',
  'agent-sdk': 'Agent SDK',
  'cherry-studio': 'Cherry Studio',
  cursor: 'Cursor',
  cline: 'Cline',
  continue: 'Continue',
  'vercel-ai': 'Vercel AI SDK',
  litellm: 'LiteLLM',
  bedrock: 'Amazon Bedrock',
  vertex: 'Vertex AI',
  go: 'Go',
  java: 'Java',
  gui: 'In the app',
};

const picked = new WeakMap<CompiledEntry, Map<string, Snippet | null>>();

/** The snippet for the user's client, following the fallback chain (a Cherry Studio user gets settings, not code). */
export function pickSnippet(entry: CompiledEntry, client: ClientId | null): Snippet | null {
  let byClient = picked.get(entry);
  if (!byClient) picked.set(entry, (byClient = new Map()));
  const key = client ?? 'unknown';
  if (!byClient.has(key)) byClient.set(key, findSnippet(entry, client));
  return byClient.get(key) ?? null;
}

function findSnippet(entry: CompiledEntry, client: ClientId | null): Snippet | null {
  for (const key of SNIPPET_FALLBACKS[client ?? 'unknown']) {
    const value = entry.snippets[key];
    if (value === undefined) continue;
    const code = typeof value === 'string' ? value : value.code;
    const language = typeof value === 'string' ? LANGUAGE[key] : (value.language ?? LANGUAGE[key]);
    const label = typeof value === 'string' ? LABEL[key] : (value.label ?? LABEL[key]);
    return { key, language, label, code: code.trimEnd() };
  }
  return null;
}
