import { z } from 'zod';
import { CategorySchema, ClientIdSchema, ForeignEnvelopeSchema, ForeignProviderSchema, ReferenceSchema, SnippetKeySchema } from '../contracts';
import { ExampleRefSchema, NAME as ENTRY_ID, PatternSourceSchema } from '../knowledge/patterns';

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1)]).transform((v): z.output<T>[] => (Array.isArray(v) ? v : [v]));

/**
 * How strong a rule's evidence is. Each tier is one confidence, so no rule picks its own decimal:
 * - `exact`: the API's (or a client's) own type, message or code for this error — 0.95;
 * - `shape`: a status or type plus wording, or a client's documented wrapper — 0.75;
 * - `hint`: wording alone, a weak cue — 0.5, below CONFIDENT (0.6): the reply says "Possibly:".
 * Between entries that fire in the same tier, `outranks` decides (src/match/precedence.ts).
 */
export const EvidenceSchema = z.enum(['exact', 'shape', 'hint']);
export type Evidence = z.infer<typeof EvidenceSchema>;
export const EVIDENCE_CONFIDENCE: Readonly<Record<Evidence, number>> = { exact: 0.95, shape: 0.75, hint: 0.5 };
/** Higher is stronger. */
export const EVIDENCE_RANK: Readonly<Record<Evidence, number>> = { exact: 3, shape: 2, hint: 1 };

/** The conditions a backstop may test: what a paste shows of the error's structure, never its wording. */
export const BACKSTOP_CONDITIONS = ['status', 'type', 'sdkException', 'hasStatus', 'anthropicEvidence'] as const;
const BACKSTOP_KEYS: ReadonlySet<string> = new Set([...BACKSTOP_CONDITIONS, 'evidence', 'why', 'examples', 'backstop']);

/**
 * One way an entry recognises a paste. Every condition present must hold; they are checked cheapest
 * first: structured signals, then keywords, then the regex. The entry's best firing rule counts.
 * `pattern` and `unless` may use named patterns as `(?&name)` (catalog/patterns.yaml, provider ids).
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
    /** false: nothing in the paste comes from Claude — no Anthropic evidence and no Anthropic app (catalog/providers.yaml `anthropic`). */
    claudeSignal: z.boolean().optional(),
    /** false: the paste shows no API error — no HTTP status, error type, request id or "API Error:" line. */
    apiError: z.boolean().optional(),
    /** true: something in the paste is an error of some program (not junk or chat). */
    showsError: z.boolean().optional(),
    foreignProvider: oneOrMany(ForeignProviderSchema).optional(),
    /** The error body has another service's envelope (catalog/providers.yaml `envelopes`). */
    foreignEnvelope: oneOrMany(ForeignEnvelopeSchema).optional(),
    /**
     * What catalog/models.yaml says of the paste's model id (src/models/state.ts): `retired` (retired
     * on the Claude API) or `unknown` (a Claude-shaped id the API does not serve). A Bedrock or Vertex
     * AI id, an id newer than the data, or no id never holds: the data decides, not a wording list.
     */
    modelId: oneOrMany(z.enum(['retired', 'unknown'])).optional(),
    /** At least one of these (lower-case substrings of the paste) must appear. */
    keywords: z.array(z.string().min(2)).min(1).optional(),
    /** Every one of these must appear. */
    allKeywords: z.array(z.string().min(2)).min(1).optional(),
    /** Case-insensitive regex over the one-line, unescaped paste. */
    pattern: PatternSourceSchema.optional(),
    evidence: EvidenceSchema,
    /** Why this rule exists, for maintainers (printed by `diagnose --explain`). */
    why: z.string().min(10),
    /** The shipped texts this rule decides (see ExampleRefSchema); a rule that decides none is dead. */
    examples: z.array(ExampleRefSchema).min(1),
    /** A case-insensitive regex that vetoes the rule: something in the paste that says its evidence is not what it seems. */
    unless: PatternSourceSchema.optional(),
    /** The shipped texts the veto blocks; a veto that blocks none is dead. */
    blocks: z.array(ExampleRefSchema).min(1).optional(),
    /**
     * A backstop: the generic answer for a documented status / type or an SDK exception class. It
     * reads structure only (BACKSTOP_CONDITIONS) and carries no veto, so no wording can remove it;
     * within its tier it ranks below every rule that is not a backstop (src/match/rank.ts), so a more
     * specific entry always wins over it without an `outranks` edge.
     */
    backstop: z.literal(true).optional(),
    /**
     * The "not from Claude's API" decision, for out_of_scope entries only, made by structure once
     * rather than by an `outranks` edge per competitor (src/catalog/compile.ts standingOf):
     * - `floor`: nothing from Claude shows (claudeSignal / apiError false) — it stands below every
     *   rule that is not a floor, whatever its tier, backstops included (src/match/rank.ts): it
     *   answers only when no entry recognises the paste;
     * - `envelope`: the error body is another service's (foreignEnvelope) — it stands above the
     *   backstops and below the specific rules of its tier, and when it fires every in-scope entry of its tier goes below every out-of-scope one
     *   (src/match/rank.ts), so no Claude entry that the body's wording wakes can take it, while an
     *   entry naming that service still answers.
     */
    scope: z.enum(['floor', 'envelope']).optional(),
  })
  .strict()
  .refine((r) => r.scope !== 'floor' || (r.claudeSignal === false || r.apiError === false) && r.pattern === undefined && r.keywords === undefined && r.unless === undefined, {
    message: 'a `scope: floor` rule tests claudeSignal: false or apiError: false, reads structure only and carries no veto',
  })
  .refine((r) => r.scope !== 'envelope' || r.foreignEnvelope !== undefined, { message: 'a `scope: envelope` rule tests foreignEnvelope' })
  .refine((r) => Object.keys(r).some((k) => !['evidence', 'why', 'examples', 'unless', 'blocks'].includes(k)), {
    message: 'a rule needs at least one condition',
  })
  .refine((r) => (r.unless === undefined) === (r.blocks === undefined), {
    message: 'a veto (`unless`) names the texts it blocks (`blocks`), and `blocks` needs an `unless`',
  })
  .refine((r) => !r.backstop || (Object.keys(r).every((k) => BACKSTOP_KEYS.has(k)) && (r.status ?? r.type ?? r.sdkException) !== undefined), {
    message: `a backstop tests a status, a type or an SDK exception, reads structure only (${BACKSTOP_CONDITIONS.join(', ')}) and carries no veto`,
  });

const SnippetValueSchema = z.union([
  z.string().min(1),
  z.object({ code: z.string().min(1), language: z.string().optional(), label: z.string().optional() }).strict(),
]);

/**
 * One fix step: a string is for everyone; `{ step, for }` only for the clients named in `for` —
 * client ids or group names of catalog/clients.yaml — so a reply never shows another client's step.
 */
export const FixStepSchema = z.union([
  z.string().min(5),
  z
    .object({
      step: z.string().min(5),
      for: z.array(z.string().regex(ENTRY_ID)).min(1).optional(),
      /**
       * For an out-of-scope answer: `named` — shown only when the paste names the hosted service that
       * answered (another provider, a cloud), with `{service}` replaced by its name; `unnamed` — shown
       * only when it does not (generic "check that provider…", "set the provider to Anthropic", and
       * client-tagged steps that would make the reply ask which client the user has).
       */
      service: z.enum(['named', 'unnamed']).optional(),
    })
    .strict()
    .refine((s) => s.for !== undefined || s.service !== undefined, { message: 'a step object names its clients (`for`) or its service condition (`service`)' })
    .refine((s) => s.service === 'named' || !s.step.includes('{service}'), { message: '`{service}` is filled only in a `service: named` step' }),
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
    id: z.string().regex(ENTRY_ID, 'lower-case words joined by hyphens'),
    category: CategorySchema,
    title: z.string().min(5).max(120),
    severity: z.enum(['info', 'warning', 'error']).default('error'),
    /**
     * Entries this one wins over when both fire in the same evidence tier. Closed transitively; a
     * cycle is a load error. Two same-tier entries with no path between them are an unresolved tie.
     */
    outranks: z.array(z.string().regex(ENTRY_ID)).default([]),
    /** Status reported when the paste shows none; `none` = this error never has one (local, in-stream). */
    status: z.union([z.number().int(), z.literal('none')]).optional(),
    /** error.type reported when the paste shows none; `none` = never an API type. */
    type: z.union([z.string(), z.literal('none')]).optional(),
    retryable: z.boolean(),
    match: z.array(RuleSchema).min(1),
    cause: z.string().min(20),
    /**
     * The clients (ids or groups of catalog/clients.yaml) that alone meet this error — Claude Code's
     * own login banner, a Bedrock-only exception. Its steps may speak to them without a `for:` tag,
     * since nobody else reaches this entry.
     */
    seenIn: z.array(z.string().regex(ENTRY_ID)).min(1).optional(),
    fix: z.array(FixStepSchema).min(1),
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
