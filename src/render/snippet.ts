import type { CompiledEntry } from '../catalog';
import { CLIENT_LABELS, type ClientId, SNIPPET_FALLBACKS, type Snippet, type SnippetKey } from '../contracts';

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

/** Snippet headings: the client's own name, shortened where the heading reads as a language. */
const LABEL_OVERRIDES: Partial<Record<SnippetKey, string>> = {
  python: 'Python',
  typescript: 'TypeScript',
  curl: 'curl',
  'agent-sdk': 'Agent SDK',
  vertex: 'Vertex AI',
  go: 'Go',
  java: 'Java',
  gui: 'In the app',
};
const labelOf = (key: SnippetKey): string => LABEL_OVERRIDES[key] ?? CLIENT_LABELS[key as ClientId];

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
    const label = typeof value === 'string' ? labelOf(key) : (value.label ?? labelOf(key));
    return { key, language, label, code: code.trimEnd() };
  }
  return null;
}
