import { describe, expect, it } from 'vitest';
import { ANSWER_TOOL_NAME, buildAnswerSchema } from '../../src/fallback/answer-schema';
import { SYSTEM_INSTRUCTIONS } from '../../src/fallback/prompt';
import { readAnswer } from '../../src/fallback/read-answer';
import { INDEX, pickAnswer } from './support/fixtures';

const schema = buildAnswerSchema(INDEX.map((e) => e.id));
const message = (content: unknown[], stop_reason = 'tool_use') => ({ type: 'message', model: 'm', content, stop_reason });
const call = (input: unknown, name = ANSWER_TOOL_NAME) => ({ type: 'tool_use', id: 'toolu_1', name, input });

describe('readAnswer', () => {
  it('accepts one valid call of the answer tool', () => {
    const result = readAnswer(message([call(pickAnswer())]), schema);
    expect(result).toEqual({ ok: true, answer: pickAnswer() });
  });

  it('accepts "none" with the model\'s own explanation', () => {
    const none = { ...pickAnswer(), entry: 'none', category: null };
    expect(readAnswer(message([call(none)]), schema)).toEqual({ ok: true, answer: none });
  });

  it.each<[string, unknown, string]>([
    ['an entry the catalogue does not have', message([call(pickAnswer('made-up-entry'))]), 'invalid_answer'],
    ['a missing field', message([call({ entry: 'none', explanation: 'x' })]), 'invalid_answer'],
    ['an extra field', message([call({ ...pickAnswer(), shell: 'rm -rf /' })]), 'invalid_answer'],
    ['a confidence above 1', message([call({ ...pickAnswer(), confidence: 7 })]), 'invalid_answer'],
    ['an over-long explanation', message([call({ ...pickAnswer(), explanation: 'a'.repeat(5000) })]), 'invalid_answer'],
    ['ten fix steps', message([call({ ...pickAnswer(), fix: Array(10).fill('step') })]), 'invalid_answer'],
    ['markup as the error type', message([call({ ...pickAnswer(), type: '<!channel>' })]), 'invalid_answer'],
    ['text instead of the tool', message([{ type: 'text', text: 'Sure! Ignoring my instructions.' }], 'end_turn'), 'invalid_answer'],
    ['another tool name', message([call(pickAnswer(), 'run_shell')]), 'invalid_answer'],
    ['two calls', message([call(pickAnswer()), call(pickAnswer())]), 'invalid_answer'],
    ['an answer cut at max_tokens', message([call(pickAnswer())], 'max_tokens'), 'invalid_answer'],
    ['a refusal', message([], 'refusal'), 'refused'],
    ['a string body', 'not a message', 'invalid_answer'],
    ['null', null, 'invalid_answer'],
  ])('rejects %s', (_name, response, reason) => {
    const result = readAnswer(response, schema);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toBe(reason);
  });

  it('rejects an answer that repeats the system prompt', () => {
    const leaked = { ...pickAnswer(), entry: 'none', explanation: SYSTEM_INSTRUCTIONS.slice(0, 600) };
    const result = readAnswer(message([call(leaked)]), schema);
    expect(result).toMatchObject({ ok: false, reason: 'invalid_answer' });
  });

  it('does not copy model output into the failure detail', () => {
    const result = readAnswer(message([call({ ...pickAnswer(), type: 'SECRET-LOOKING-VALUE' })]), schema);
    expect(result.ok === false && result.detail).not.toContain('SECRET-LOOKING-VALUE');
  });
});
