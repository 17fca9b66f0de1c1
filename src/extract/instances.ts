import { ALWAYS, type MayMatch } from '../scan';

/**
 * Finds the error bodies in a flattened paste: Anthropic `{"type":"error","error":{...}}`, the
 * Python repr of it, OpenAI-style wrappers (`param` / `code`), Google envelopes, and bodies nested
 * inside other bodies (LiteLLM, Vertex, OpenRouter, Claude Code /bug arrays).
 */
export interface ErrorInstance {
  type: string | null;
  message: string | null;
  /** Where the message value starts and ends in the flat text. */
  start: number;
  end: number;
  /** `openai`: a wrapper with `param`/`code` whose `type` is not Anthropic's; `google`: {code,status}. */
  shape: 'anthropic' | 'openai' | 'google';
  /** A numeric `code` or Google `status` in the same object. */
  code: number | null;
  googleStatus: string | null;
  /** The message is itself (or leads into) another error body; that inner body is its own instance. */
  container: boolean;
}

const MESSAGE_KEY = /["']message["']\s*:\s*\\?\s*(["'])/g;
const TYPE_IN = /["']type["']\s*:\s*["']([A-Za-z_]+)["']/;
const CODE_IN = /["']code["']\s*:\s*["']?(\d{3})\b/;
const STATUS_IN = /["']status["']\s*:\s*["']([A-Z_]{5,})["']/;
const OPENAI_MARKERS = /["']param["']\s*:|["']code["']\s*:\s*["'][a-z_]+["']/;
const MAX_MESSAGE = 2000;

/** The message value: up to the same quote followed by `,` `}` `]` or the end. */
function readValue(flat: string, from: number, quote: string): { value: string; end: number } | null {
  const limit = Math.min(flat.length, from + MAX_MESSAGE);
  for (let i = flat.indexOf(quote, from); i !== -1 && i < limit; i = flat.indexOf(quote, i + 1)) {
    const next = flat.slice(i + 1, i + 4).trimStart()[0];
    if (next === undefined || next === ',' || next === '}' || next === ']') {
      return { value: flat.slice(from, i), end: i + 1 };
    }
  }
  // Cut pastes end mid-message ("...decrease input`"): keep what is there.
  const rest = flat.slice(from, limit);
  return rest.length > 0 ? { value: withoutClosingQuotes(rest), end: limit } : null;
}

/** The text without the quotes it ends with; a loop from the end, where a regex would try every quote. */
function withoutClosingQuotes(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '"' || text[end - 1] === "'" || text[end - 1] === '`')) end--;
  return text.slice(0, end);
}

/** How far the enclosing object's braces are looked for around a message key. */
const OBJECT_REACH = 300;

/**
 * The enclosing object's text around the message key: back to `{`, forward to `}` (no nesting).
 * The braces are looked for only within reach: a search over the whole paste for each key would make
 * a paste of thousands of brace-less keys quadratic.
 */
function enclosingObject(flat: string, keyStart: number, valueEnd: number): string {
  const from = Math.max(0, keyStart - OBJECT_REACH + 1);
  const open = flat.slice(from, keyStart + 1).lastIndexOf('{');
  const before = open >= 0 ? flat.slice(from + open, keyStart) : flat.slice(Math.max(0, keyStart - 120), keyStart);
  const close = flat.slice(valueEnd, valueEnd + OBJECT_REACH).indexOf('}');
  const after = close >= 0 ? flat.slice(valueEnd, valueEnd + close + 1) : flat.slice(valueEnd, valueEnd + 120);
  return before + ' ' + after;
}

/** For extraction's literal prefilter: no body without a `message` key. */
export const INSTANCE_CUES: readonly RegExp[] = [MESSAGE_KEY];

export function findInstances(flat: string, may: MayMatch = ALWAYS): ErrorInstance[] {
  const out: ErrorInstance[] = [];
  if (!may(MESSAGE_KEY)) return out;
  MESSAGE_KEY.lastIndex = 0;
  for (let m = MESSAGE_KEY.exec(flat); m; m = MESSAGE_KEY.exec(flat)) {
    const valueStart = m.index + m[0].length;
    const read = readValue(flat, valueStart, m[1]!);
    if (!read) continue;
    const value = read.value.trim();
    // A message that is itself a JSON body is a container; the inner body is found on its own.
    // Relays also lead in with a sentence: "All 2 attempts failed. Last error: HTTP 400 Bad Request: { "error": {".
    const nested = /^\{|^\d{3}\s*\{|^[\w.: ]{0,120}(?:Exception|Error)\s*-\s*b?['"]?\{|^[^{}"]{0,160}:\s*\{\s*["'](?:error|type)["']/.test(value);
    const around = enclosingObject(flat, m.index, read.end);
    const type = TYPE_IN.exec(around)?.[1] ?? null;
    const code = CODE_IN.exec(around)?.[1];
    const googleStatus = STATUS_IN.exec(around)?.[1] ?? null;
    const shape = OPENAI_MARKERS.test(around) ? 'openai' : googleStatus || (code && !type) ? 'google' : 'anthropic';
    out.push({
      type: type && type !== 'error' && type !== 'None' ? type : null,
      message: nested || value === '' ? null : value,
      start: valueStart,
      end: read.end,
      shape,
      code: code ? Number(code) : null,
      googleStatus,
      container: nested,
    });
  }
  return out;
}
