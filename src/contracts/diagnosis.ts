import { z } from 'zod';
import { CategorySchema } from './categories';
import { ClientIdSchema } from './clients';
import { ReplyDocumentSchema } from './reply';
import { SignalsSchema } from './signals';
import { TraceSchema } from './trace';

export const WarningSchema = z.enum([
  'secret-detected',
  'input-truncated',
  'binary-input',
  'empty-input',
  'image-not-read',
  'image-rejected',
  'model-unavailable',
  'multiple-errors',
  /** A paste the rules could not read within the analysis deadline (chat adapters only). */
  'analysis-timeout',
]);
export type Warning = z.infer<typeof WarningSchema>;

/**
 * The Diagnosis contract (README, "The diagnose CLI"): what `diagnose --json` prints. Field names are a public
 * contract: extend, never rename. `document` is the structured reply adapters render; it is not
 * part of the JSON output.
 */
export const DiagnosisSchema = z.object({
  id: z.string().optional(),
  status: z.number().int().nullable(),
  type: z.string().nullable(),
  category: CategorySchema,
  entry: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  source: z.enum(['rules', 'model', 'none']),
  title: z.string(),
  reply: z.string(),
  signals: SignalsSchema,
  warnings: z.array(WarningSchema),
  /** Extensions beyond design.md. */
  client: ClientIdSchema.nullable(),
  retryable: z.boolean().nullable(),
  candidates: z.array(z.object({ entry: z.string(), category: CategorySchema, confidence: z.number() })),
  model: z.string().nullable(),
  /** Only when the inquiry asked for it (`diagnose --explain`): why the rules answered as they did. */
  trace: TraceSchema.optional(),
  document: ReplyDocumentSchema,
  /** Adapter-only, like `document`: names this answer to the review queue, for a 👎 on it. */
  reviewRef: z.string().optional(),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

/** The JSON a CLI user or tool sees: the contract fields, without the adapter-only fields. */
export function toDiagnosisJson(d: Diagnosis): Omit<Diagnosis, 'document' | 'reviewRef'> {
  const { document: _document, reviewRef: _reviewRef, ...rest } = d;
  return rest;
}
