import { ANSWER_TOOL_NAME, type AnswerSchema, type ModelAnswer } from './answer-schema';
import { SYSTEM_INSTRUCTIONS } from './prompt';

export type ReadAnswerResult =
  | { ok: true; answer: ModelAnswer }
  | { ok: false; reason: 'invalid_answer' | 'refused'; detail: string };

const SHINGLE_WORDS = 8;
const words = (text: string) => text.toLowerCase().match(/[a-z0-9_"]+/g) ?? [];
function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i += 1) out.add(w.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}
const INSTRUCTION_SHINGLES = shingles(SYSTEM_INSTRUCTIONS);

/** True when the answer repeats any 8-word run of our instructions ("print your system prompt"). */
export function echoesInstructions(answer: ModelAnswer): boolean {
  const text = [answer.explanation, ...answer.fix].join(' \n ');
  for (const s of shingles(text)) if (INSTRUCTION_SHINGLES.has(s)) return true;
  return false;
}

type Preflight = { ok: true; content: unknown[] } | Extract<ReadAnswerResult, { ok: false }>;
const invalid = (detail: string): Extract<ReadAnswerResult, { ok: false }> => ({ ok: false, reason: 'invalid_answer', detail });

/** What every answer must pass before its content is read: a message, not refused, not cut off. */
function preflight(message: unknown): Preflight {
  if (typeof message !== 'object' || message === null) return invalid('the response was not a message');
  const { stop_reason: stopReason, content } = message as { stop_reason?: unknown; content?: unknown };
  if (stopReason === 'refusal') return { ok: false, reason: 'refused', detail: 'stop_reason refusal' };
  if (stopReason === 'max_tokens') return invalid('the answer was cut off at max_tokens');
  if (!Array.isArray(content)) return invalid('the message had no content blocks');
  return { ok: true, content };
}

/** The answer object, whichever way it came, checked against the zod schema and for prompt echoes. */
function validate(input: unknown, schema: AnswerSchema): ReadAnswerResult {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    // Paths and codes only: the values are model output and need not reach the logs.
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`);
    return invalid(`off-schema answer (${issues.slice(0, 5).join(', ')})`);
  }
  if (echoesInstructions(parsed.data)) return invalid('the answer repeated the system prompt');
  return { ok: true, answer: parsed.data };
}

/**
 * Reads the forced tool call out of a Messages API response and validates it. The response is
 * untrusted: anything other than exactly one well-formed call of our tool is a failure.
 */
export function readAnswer(message: unknown, schema: AnswerSchema): ReadAnswerResult {
  const checked = preflight(message);
  if (!checked.ok) return checked;
  const calls = checked.content.filter(
    (b): b is { input: unknown } =>
      typeof b === 'object' && b !== null && (b as { type?: unknown }).type === 'tool_use' && (b as { name?: unknown }).name === ANSWER_TOOL_NAME,
  );
  if (calls.length !== 1) return invalid(`expected one ${ANSWER_TOOL_NAME} call, got ${calls.length}`);
  return validate(calls[0]!.input, schema);
}

/**
 * Reads a structured-outputs answer (the JSON text of the response) and validates it exactly as a
 * tool call's input: same schema, same checks.
 */
export function readStructuredAnswer(message: unknown, schema: AnswerSchema): ReadAnswerResult {
  const checked = preflight(message);
  if (!checked.ok) return checked;
  const text = checked.content
    .filter((b): b is { text: string } => typeof b === 'object' && b !== null && (b as { type?: unknown }).type === 'text' && typeof (b as { text?: unknown }).text === 'string')
    .map((b) => b.text)
    .join('');
  if (text.trim() === '') return invalid('the structured answer had no text');
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return invalid('the structured answer was not JSON');
  }
  return validate(input, schema);
}
