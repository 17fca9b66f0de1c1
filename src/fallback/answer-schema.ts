import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { z } from 'zod';
import { type Category, CategorySchema } from '../contracts';

/** What the fallback knows about the catalogue: enough to list it, never its fix text. */
export interface CatalogIndexEntry {
  id: string;
  title: string;
  category: Category;
}

export const NONE = 'none';
export const ANSWER_TOOL_NAME = 'record_diagnosis';

/**
 * The model's answer. The entry enum is the catalogue's ids plus "none", so an answer naming an
 * entry we do not have fails validation; unknown keys fail too (strict, as the JSON schema says).
 * Lengths are capped because the text reaches chat users.
 */
export function buildAnswerSchema(entryIds: readonly string[]) {
  const ids = [...new Set(entryIds)].filter((id) => id !== NONE);
  return z.strictObject({
    entry: z
      .enum([...ids, NONE])
      .describe('Id of the catalogue entry that explains the pasted error, or "none" if no entry fits.'),
    status: z.number().int().min(100).max(599).nullable().describe('HTTP status shown in the paste, or null.'),
    type: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/)
      .nullable()
      .describe('The API error type shown in the paste (e.g. "overloaded_error"), or null.'),
    category: CategorySchema.nullable().describe('The closest category, or null.'),
    explanation: z.string().min(1).max(700).describe('At most three plain sentences: what went wrong and why.'),
    fix: z
      .array(z.string().min(1).max(300))
      .min(1)
      .max(6)
      .describe('Fix steps in order, most useful first, without numbering.'),
    confidence: z.number().min(0).max(1).describe('How sure you are, 0 to 1.'),
  });
}
export type AnswerSchema = ReturnType<typeof buildAnswerSchema>;
export type ModelAnswer = z.infer<AnswerSchema>;

/**
 * The answer travels as a forced tool call (`tool_choice: {type: "tool"}`) first: forced tool use
 * works through the gateways people point ANTHROPIC_BASE_URL at (LiteLLM, Bedrock/Vertex proxies),
 * and on the small models. The newest models refuse forced tools with a 400; for those the same
 * schema goes out as structured outputs instead (answer-format.ts). We re-validate with zod either
 * way, so `strict` is left off; an off-schema answer simply degrades to the rules answer.
 */
export function buildAnswerTool(schema: AnswerSchema): Tool {
  // The API takes a plain JSON schema object; the `$schema` dialect marker adds nothing.
  const { $schema: _dialect, ...inputSchema } = z.toJSONSchema(schema) as Record<string, unknown>;
  return {
    name: ANSWER_TOOL_NAME,
    description:
      'Record your diagnosis of the pasted error. This is the only way to answer; it has no side effects.',
    input_schema: { ...inputSchema, type: 'object' },
  };
}
