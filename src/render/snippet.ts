import type { CompiledEntry } from '../catalog';
import { type ClientId, SNIPPET_FALLBACKS, type Snippet } from '../contracts';
import { CLIENTS } from '../knowledge/clients';
import { collapseWhitespace } from '../normalize';
import { fillPlaceholders, type PlaceholderSource } from './placeholders';

const picked = new WeakMap<CompiledEntry, Map<string, Snippet | null>>();

/**
 * The snippet for the user's client, following the fallback chain (a Cherry Studio user gets
 * settings, not code), labelled by what it is and with the user's own values filled in.
 */
export function pickSnippet(entry: CompiledEntry, client: ClientId | null, values: PlaceholderSource = {}): Snippet | null {
  let byClient = picked.get(entry);
  if (!byClient) picked.set(entry, (byClient = new Map()));
  const key = client ?? 'unknown';
  if (!byClient.has(key)) byClient.set(key, findSnippet(entry, client));
  const snippet = byClient.get(key) ?? null;
  // Named, not spread: see withCommon in document.ts (a spread followed by a field is slow on Node 20).
  return snippet ? { key: snippet.key, language: snippet.language, label: snippet.label, code: fillPlaceholders(snippet.code, values) } : null;
}

function findSnippet(entry: CompiledEntry, client: ClientId | null): Snippet | null {
  for (const key of SNIPPET_FALLBACKS[client ?? 'unknown']) {
    const value = entry.snippets[key];
    if (value === undefined) continue;
    const code = (typeof value === 'string' ? value : value.code).trimEnd();
    // Heading and fence language per snippet key: catalog/clients.yaml (the client's heading or label).
    const style = CLIENTS.snippetStyle[key]!;
    const language = typeof value === 'string' ? style.language : (value.language ?? style.language);
    const label = typeof value === 'string' || !value.label ? inferredLabel(style.heading, code) : value.label;
    return { key, language, label, code: code.trimEnd() };
  }
  return null;
}

/**
 * Commands a shell snippet may run instead of curl, and what to call them. A snippet under the
 * `curl` key that runs no curl is labelled by its first command, never "curl" (`aws service-quotas`
 * is the AWS CLI, `pip install` is pip).
 */
const COMMANDS: ReadonlyArray<[RegExp, string]> = [
  [/^aws\b/, 'AWS CLI'],
  [/^gcloud\b/, 'gcloud'],
  [/^(?:python3? -m )?pip3?\b/, 'pip'],
  [/^(?:npm|npx|pnpm|yarn)\b/, 'npm'],
  [/^claude\b/, 'Claude Code'],
  [/^az\b/, 'Azure CLI'],
];

function inferredLabel(heading: string, code: string): string {
  const lines = code.split('\n').map((l) => l.trim());
  if (heading !== 'curl' || lines.some((l) => /^curl\b/.test(l))) return heading;
  const first = lines.find((l) => l !== '' && !l.startsWith('#'));
  if (!first) return heading;
  return COMMANDS.find(([re]) => re.test(first))?.[1] ?? 'Shell';
}

/** Snippets come from the catalogue (their placeholders filled with a few values): few codes, each read once. */
const firstCommands = new Map<string, string | null>();

/** A snippet's first command, without comments or a trailing line continuation, spaces folded. */
function firstCommand(code: string): string | null {
  let command = firstCommands.get(code);
  if (command === undefined) {
    command = readFirstCommand(code);
    if (firstCommands.size < 2000) firstCommands.set(code, command);
  }
  return command;
}

function readFirstCommand(code: string): string | null {
  const line = code
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#') && !l.startsWith('//'));
  const command = line?.endsWith('\\') ? line.slice(0, -1) : line;
  return command ? command.trimEnd().replace(/\s+/g, ' ').toLowerCase() : null;
}

/**
 * True when the paste already holds the snippet's first command: the user ran it, so showing it
 * back is no fix (`curl -i …` answered with the same `curl -i …`).
 */
export function echoesPaste(snippet: Snippet, pasteLower: string): boolean {
  const command = firstCommand(snippet.code);
  return command !== null && command.length >= 12 && collapseWhitespace(pasteLower).includes(command);
}

/** At most this many lines: a snippet short enough for the first message. */
export const REPLY_SNIPPET_LINES = 3;

/** The snippet goes in the first message when it is short and the client is known (never a guess). */
export function snippetFitsReply(snippet: Snippet | null, client: ClientId | null): boolean {
  return snippet !== null && client !== null && snippet.code.split('\n').length <= REPLY_SNIPPET_LINES;
}
