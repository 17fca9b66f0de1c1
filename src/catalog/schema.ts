import { z } from 'zod';
import { CategorySchema, ClientIdSchema, ForeignProviderSchema, ReferenceSchema, SnippetKeySchema } from '../contracts';

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1)]).transform((v): z.output<T>[] => (Array.isArray(v) ? v : [v]));

const regexSource = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source, 'i');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${(error as Error).message}` });
  }
});

/**
 * One way an entry recognises a paste. Every condition present must hold; they are checked cheapest
 * first: structured signals, then keywords, then the regex. A rule's confidence is the entry's
 * score when it fires (the best firing rule counts).
 */
export const RuleSchema = z
  .object({
    status: oneOrMany(z.number().int().min(100).max(599)).optional(),
    type: oneOrMany(z.string()).optional(),
    sdkException: oneOrMany(z.string()).optional(),
    errorCode: oneOrMany(z.string()).optional(),
    client: oneOrMany(ClientIdSchema).optional(),
    cloud: oneOrMany(z.enum(['bedrock', 'vertex', 'none'])).optional(),
    /** false: the paste shows no HTTP status at all (a local or client-side failure). */
    hasStatus: z.boolean().optional(),
    /** `absent` only fires when the paste shows headers and `retry-after` is not among them. */
    retryAfter: z.enum(['present', 'absent']).optional(),
    anthropicEvidence: z.boolean().optional(),
    foreignProvider: oneOrMany(ForeignProviderSchema).optional(),
    /** At least one of these (lower-case substrings of the paste) must appear. */
    keywords: z.array(z.string().min(2)).min(1).optional(),
    /** Every one of these must appear. */
    allKeywords: z.array(z.string().min(2)).min(1).optional(),
    /** Case-insensitive regex over the one-line, unescaped paste. */
    pattern: regexSource.optional(),
    /** Case-insensitive regex that vetoes the rule. */
    unless: regexSource.optional(),
    confidence: z.number().min(0).max(1),
    /** Why this rule exists, for maintainers. */
    why: z.string().optional(),
  })
  .strict()
  .refine((r) => Object.keys(r).some((k) => !['confidence', 'why', 'unless'].includes(k)), {
    message: 'a rule needs at least one condition',
  });

const SnippetValueSchema = z.union([
  z.string().min(1),
  z.object({ code: z.string().min(1), language: z.string().optional(), label: z.string().optional() }).strict(),
]);

/** Computed facts an entry wants in its reply (see src/render/facts.ts). */
export const FactKindSchema = z.enum([
  'retry-at',
  'rate-limit-reset',
  'token-overage',
  'max-tokens-fit',
  'nearest-model',
  'image-size',
  'regain-access',
  'reset-epoch',
  'rejected-field',
]);

export const EntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
    category: CategorySchema,
    title: z.string().min(5).max(120),
    severity: z.enum(['info', 'warning', 'error']).default('error'),
    /** Breaks ties between rules of equal confidence; higher wins. */
    priority: z.number().int().default(0),
    /** Status reported when the paste shows none; `none` = this error never has one (local, in-stream). */
    status: z.union([z.number().int(), z.literal('none')]).optional(),
    /** error.type reported when the paste shows none; `none` = never an API type. */
    type: z.union([z.string(), z.literal('none')]).optional(),
    retryable: z.boolean(),
    match: z.array(RuleSchema).min(1),
    cause: z.string().min(20),
    fix: z.array(z.string().min(5)).min(1),
    snippets: z.partialRecord(SnippetKeySchema, SnippetValueSchema).default({}),
    facts: z.array(FactKindSchema).default([]),
    references: z.array(ReferenceSchema).min(1),
    examples: z
      .object({
        match: z.array(z.string().min(5)).min(1),
        nomatch: z.array(z.string().min(5)).default([]),
      })
      .strict(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.category === 'out_of_scope' || entry.category === 'unknown') return;
    for (const key of ['python', 'typescript', 'curl', 'claude-code'] as const) {
      if (!entry.snippets[key]) {
        ctx.addIssue({ code: 'custom', path: ['snippets', key], message: `missing the ${key} snippet` });
      }
    }
  });

export type CatalogEntry = z.output<typeof EntrySchema>;
export type CatalogRule = z.output<typeof RuleSchema>;
export type FactKind = z.output<typeof FactKindSchema>;
