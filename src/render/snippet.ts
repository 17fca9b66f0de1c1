import type { CompiledEntry } from '../catalog';
import { type ClientId, SNIPPET_FALLBACKS, type Snippet } from '../contracts';
import { CLIENTS } from '../knowledge/clients';

const picked = new WeakMap<CompiledEntry, Map<string, Snippet | null>>();

/**
 * Catalogue snippets write the user's own values as placeholders with a default —
 * `{{model|claude-sonnet-5-5}}`, `{{max_tokens|1024}}`, `{{region|us-east-1}}` — for a reply to fill
 * from the paste. Where nothing fills them, the default is shown, never the braces.
 */
const PLACEHOLDER = /\{\{(?:model|max_tokens|region)\|([^{}|]+)\}\}/g;
export const placeholderDefaults = (code: string): string => code.replace(PLACEHOLDER, '$1');

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
    // Heading and fence language per snippet key: catalog/clients.yaml (the client's heading or label).
    const style = CLIENTS.snippetStyle[key]!;
    const language = typeof value === 'string' ? style.language : (value.language ?? style.language);
    const label = typeof value === 'string' ? style.heading : (value.label ?? style.heading);
    return { key, language, label, code: placeholderDefaults(code).trimEnd() };
  }
  return null;
}
