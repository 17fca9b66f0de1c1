import type { ClientId } from '../contracts';

/** Words that name a client or language in a short follow-up ("I'm on Node", "curl?"). */
const CLIENT_WORDS: ReadonlyArray<[ClientId, RegExp]> = [
  ['claude-code', /\bclaude[ -]?code\b/i],
  ['agent-sdk', /\bagent[ -]?sdk\b/i],
  ['cherry-studio', /\bcherry(?:[ -]?studio)?\b/i],
  ['cursor', /\bcursor\b/i],
  ['cline', /\b(?:cline|roo(?: code)?|kilo(?: code)?)\b/i],
  ['vercel-ai', /\bvercel\b|\bai[ -]sdk\b/i],
  ['litellm', /\blite-?llm\b/i],
  ['bedrock', /\bbedrock\b|\bboto3?\b/i],
  ['vertex', /\bvertex\b/i],
  ['python', /\bpython\d?\b|\bpy\b|\bpip\b/i],
  ['typescript', /\btype-?script\b|\bts\b|\bnode(?:\.?js)?\b|\bjava-?script\b|\bjs\b|\bdeno\b|\bbun\b|\bnpm\b/i],
  ['curl', /\bcurl\b|\braw http\b|^http\??$/i],
  ['go', /\bgolang\b|\bgo (?:sdk|client)\b|\b(?:in|on|using) go\b|^go\??$/i],
  ['java', /\bjava\b|\bkotlin\b/i],
];

/**
 * The client a short follow-up asks for, or null when the message is something else (a new paste).
 * Long messages and anything with an error shape are new pastes.
 */
export function requestedClient(text: string): ClientId | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 80 || /[{}]|\b[45]\d\d\b|error|exception/i.test(t)) return null;
  for (const [client, re] of CLIENT_WORDS) if (re.test(t)) return client;
  return null;
}
