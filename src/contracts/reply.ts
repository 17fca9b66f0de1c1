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
  /**
   * What the paste shows, in a sentence or two under the headline of the first message: the
   * deciding detail and the computed facts (retry at 14:03:34 UTC, over by N tokens, the nearest
   * id, the empty bucket, the IAM role and region), or the error's own words when nothing was computed.
   */
  verdict: z.array(z.string()).default([]),
  cause: z.string(),
  /** What the verdict leaves out of a computed fact (how it was computed): details only. */
  facts: z.array(z.string()),
  /** Every fix step for this client — the universal ones and the client's own, never another client's. */
  fix: z.array(z.string()),
  /** How many of `fix` lead the first message (at most 3); the others continue in the details. */
  replySteps: z.number().int().min(0).default(0),
  /** One short question when the fix depends on a client the paste does not reveal. */
  question: z.string().nullable().default(null),
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
  /**
   * For whoever runs the bot, never for the chat: the confidence behind a hedge, "the model fallback
   * is not configured", the models data's date. Logged and in `--json`; no adapter renders them.
   */
  operatorNotes: z.array(z.string()).default([]),
});
export type ReplyDocument = z.infer<typeof ReplyDocumentSchema>;
