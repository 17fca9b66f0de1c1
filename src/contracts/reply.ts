import { z } from 'zod';
import { ClientIdSchema, SnippetKeySchema } from './clients';

export const ReferenceSchema = z.object({ title: z.string(), url: z.string().url() });
export type Reference = z.infer<typeof ReferenceSchema>;

export const SnippetSchema = z.object({
  key: SnippetKeySchema,
  /** Fence language for code blocks (python, ts, bash, text). */
  language: z.string(),
  label: z.string(),
  code: z.string(),
});
export type Snippet = z.infer<typeof SnippetSchema>;

/**
 * The platform-neutral reply. The CLI renders it as markdown; Slack as Block Kit; Discord as an
 * embed. Every string here is already redacted. `privateNotes` must only reach the asking user
 * (ephemeral message, DM) — never a public channel.
 */
export const ReplyDocumentSchema = z.object({
  headline: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  /** One line with status / type, e.g. "HTTP 429 · rate_limit_error". */
  statusLine: z.string().nullable(),
  cause: z.string(),
  /** Facts computed from the paste: retry time, token overage, nearest model id. */
  facts: z.array(z.string()),
  fix: z.array(z.string()),
  snippet: SnippetSchema.nullable(),
  retryable: z.boolean().nullable(),
  support: z.object({
    requestId: z.string().nullable(),
    model: z.string().nullable(),
    client: ClientIdSchema.nullable(),
    status: z.number().nullable(),
    type: z.string().nullable(),
  }),
  references: z.array(ReferenceSchema),
  /** Public notes shown before the diagnosis ("Read from your screenshot: ..."). */
  notes: z.array(z.string()),
  /** Only for the asking user (rotate a pasted key). */
  privateNotes: z.array(z.string()),
  /** Other candidates worth a look when the best one is not certain. */
  alternatives: z.array(z.object({ entry: z.string(), title: z.string(), confidence: z.number() })),
  provenance: z.object({
    source: z.enum(['rules', 'model', 'none']),
    entry: z.string().nullable(),
    confidence: z.number(),
    model: z.string().nullable(),
  }),
});
export type ReplyDocument = z.infer<typeof ReplyDocumentSchema>;
