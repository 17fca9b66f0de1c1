import { APIError } from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import { ANSWER_TOOL_NAME, type AnswerSchema } from './answer-schema';

/** How a model is asked for its answer. */
export type AnswerFormat = 'forced-tool' | 'structured-output';

/**
 * The newest models (Fable 5.1/5.2, Mythos 5.1/5.2, Opus 5.5, Sonnet 5.5) answer a forced
 * `tool_choice` (`any` / `tool`) with a 400 `invalid_request_error` and point to strict tools or
 * structured outputs instead (release notes 2026-09-01; Opus 5.5 and Sonnet 5.5 "what's new" pages).
 * The exact message is not documented, so any such 400 that names `tool_choice` counts.
 */
export function rejectsForcedTool(error: unknown): boolean {
  return error instanceof APIError && error.status === 400 && error.type === 'invalid_request_error' && /tool_choice|forced tool/i.test(error.message);
}

const NO_TOOL_NOTE = `This request has no tools: give your diagnosis as the JSON object the response format requires, with the same fields ${ANSWER_TOOL_NAME} takes.`;

/**
 * The same request, asking for the answer through structured outputs (`output_config.format`, GA
 * in the installed SDK) with the JSON schema of the same zod schema, instead of a forced tool call.
 * The SDK's own zod helper moves the constraints structured outputs cannot enforce (lengths,
 * ranges) into descriptions; the answer is validated against the full zod schema either way.
 */
export function asStructuredOutput(params: MessageCreateParamsNonStreaming, schema: AnswerSchema): MessageCreateParamsNonStreaming {
  const { tools: _tools, tool_choice: _toolChoice, system, ...rest } = params;
  const blocks = typeof system === 'string' ? [{ type: 'text' as const, text: system }] : (system ?? []);
  return {
    ...rest,
    system: [...blocks, { type: 'text', text: NO_TOOL_NOTE }],
    output_config: { format: { type: 'json_schema', schema: zodOutputFormat(schema).schema } },
  };
}

/**
 * Which format each model accepts, learnt from its answers, so that a model that refused the forced
 * tool once is asked through structured outputs first from then on. Bounded: the bot uses one model
 * (ANTHROPIC_MODEL), and a gateway may map a few more.
 */
export class AnswerFormats {
  private readonly byModel = new Map<string, AnswerFormat>();

  constructor(private readonly maxModels = 32) {}

  get(model: string): AnswerFormat {
    return this.byModel.get(model) ?? 'forced-tool';
  }

  set(model: string, format: AnswerFormat): void {
    this.byModel.delete(model);
    this.byModel.set(model, format);
    if (this.byModel.size > this.maxModels) this.byModel.delete(this.byModel.keys().next().value!);
  }
}
