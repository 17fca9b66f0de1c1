import { z } from 'zod';
import { expandNamed, loadNamedPatterns, NAME, PatternSourceSchema, regexProblem } from './patterns';
import { CatalogError, readKnowledge } from './read';

/** Fragments of real pastes a cue must find, and look-alikes it must not (test/catalog/knowledge.test.ts runs them). */
export const CueExamplesSchema = z
  .object({ match: z.array(z.string().min(1)).min(1), nomatch: z.array(z.string().min(1)).default([]) })
  .strict();

const ForeignSchema = z
  .object({
    id: z.string().regex(NAME),
    name: z.string().min(2),
    /** Case-insensitive regex over the whole paste; the first provider (in file order) whose cue matches names the paste. */
    cue: PatternSourceSchema,
    /** A cue inside the error body itself: checked before every provider's `cue` (a body beats a model name mentioned in prose). */
    bodyCue: PatternSourceSchema.optional(),
    /**
     * The hosted service an out-of-scope reply speaks to (its status page, plan and limits): the
     * provider's `name` unless given here; `null` for a server the user runs (Ollama, vLLM), which has
     * no status page or plan — its reply keeps the generic steps.
     */
    service: z.string().min(2).nullable().optional(),
    why: z.string().min(10),
    examples: CueExamplesSchema,
  })
  .strict();

/**
 * Another service's own error envelope (its body shape, not a name in prose): when the paste's
 * error body has this shape the answer is that service's, whatever Claude entry its wording wakes.
 */
const EnvelopeSchema = z
  .object({
    id: z.string().regex(NAME),
    name: z.string().min(2),
    /** Case-insensitive regex over the whole paste. */
    cue: PatternSourceSchema.optional(),
    /** Decided by extraction from the paste's error object itself (its type against `anthropic.errorTypes`), not by a cue. */
    errorObject: z.literal(true).optional(),
    why: z.string().min(10),
    examples: CueExamplesSchema,
  })
  .strict()
  .refine((e) => (e.cue === undefined) !== (e.errorObject === undefined), { message: 'an envelope has either a cue or errorObject: true' });

const CloudSchema = z.object({ id: z.enum(['bedrock', 'vertex']), cue: PatternSourceSchema, why: z.string().min(10), examples: CueExamplesSchema }).strict();

const ProvidersFileSchema = z
  .object({
    anthropic: z
      .object({
        evidence: PatternSourceSchema,
        why: z.string().min(10),
        examples: CueExamplesSchema,
        /** What only the Claude API's answer or an official client prints (a name in prose is not one): decides where the error text came from. */
        apiEvidence: z.object({ cue: PatternSourceSchema, why: z.string().min(10), examples: CueExamplesSchema }).strict(),
        /** Anthropic's own apps (client ids of catalog/clients.yaml): a paste they printed carries a Claude signal. */
        clients: z.array(z.string().regex(NAME)).min(1),
        /** The Claude API's error types (`error.type`): an error object with another type is another server's. */
        errorTypes: z.array(z.string().regex(/^[a-z_]+$/)).min(1),
        /** A line that says the API answered with an error, beyond a status, type or request id (Claude Code's "API Error:"). */
        apiErrorLine: z.object({ cue: PatternSourceSchema, why: z.string().min(10), examples: CueExamplesSchema }).strict(),
        /** A report that retells the API's answer in words (a status named as an error, the account refused): an API error for an Anthropic app's paste, not an error's shape. */
        apiAnswerRetold: z.object({ cue: PatternSourceSchema, why: z.string().min(10), examples: CueExamplesSchema }).strict(),
        /** Something in the paste is an error of some program (an exception, a stack frame, a URL …). */
        errorShape: z.object({ cue: PatternSourceSchema, why: z.string().min(10), examples: CueExamplesSchema }).strict(),
        /** The text just before a status that a tool's result printed (not the API's): tested on the 320 characters before it. */
        toolResultStatus: z.object({ cue: PatternSourceSchema, why: z.string().min(10), examples: CueExamplesSchema }).strict(),
      })
      .strict(),
    clouds: z.array(CloudSchema).min(1),
    foreign: z.array(ForeignSchema).min(1),
    envelopes: z.array(EnvelopeSchema).min(1),
  })
  .strict();

export interface Cue {
  id: string;
  re: RegExp;
}

export interface Providers {
  /** Marks only Claude / Anthropic errors carry. */
  anthropicEvidence: RegExp;
  /** What only the Claude API's answer or an official client prints. */
  apiEvidence: RegExp;
  /** Anthropic's own apps (client ids). */
  anthropicClients: ReadonlySet<string>;
  /** A client's "the API answered with an error" line. */
  apiErrorLine: RegExp;
  /** A report that retells the API's answer in words. */
  apiAnswerRetold: RegExp;
  /** Something in the paste is an error of some program. */
  errorShape: RegExp;
  /** Matches the text just before a status a tool's result printed. */
  toolResultStatus: RegExp;
  /** The Claude API's error types. */
  errorTypes: ReadonlySet<string>;
  /** Other services' error envelopes found by a cue, first match wins. */
  envelopes: readonly Cue[];
  /** The envelope extraction decides from the error object itself (`errorObject: true`), if any. */
  errorObjectEnvelope: string | null;
  /** The cloud a paste comes through, first match wins. */
  clouds: readonly Cue[];
  /** Another provider's error-body cues, checked first, then every provider's cue, in file order. */
  bodyCues: readonly Cue[];
  foreignCues: readonly Cue[];
  /** Envelope ids, in file order. */
  envelopeIds: readonly [string, ...string[]];
  /** Foreign provider ids, in file order. */
  foreignIds: readonly [string, ...string[]];
  /** Each foreign provider's cue source, usable in catalogue rules as `(?&id)`. */
  named: ReadonlyMap<string, string>;
  file: z.output<typeof ProvidersFileSchema>;
}

/** catalog/providers.yaml, validated and compiled: which provider or cloud a paste comes from. */
export function loadProviders(): Providers {
  const file = readKnowledge('providers.yaml', ProvidersFileSchema);
  const named = new Map([...loadNamedPatterns()].map(([name, p]) => [name, p.pattern]));
  const problems: string[] = [];
  const compile = (source: string, path: string): RegExp => {
    const expanded = expandNamed(source, named);
    for (const name of expanded.unknown) problems.push(`catalog/providers.yaml: ${path}: unknown named pattern "(?&${name})"`);
    const problem = regexProblem(expanded.source);
    if (problem) problems.push(`catalog/providers.yaml: ${path}: ${problem}`);
    return problem || expanded.unknown.length ? /(?!)/ : new RegExp(expanded.source, 'i');
  };
  const ids = file.foreign.map((p) => p.id);
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) problems.push(`catalog/providers.yaml: foreign: "${id}" is listed twice`);
  for (const id of ids.filter((id) => named.has(id))) problems.push(`catalog/providers.yaml: foreign: "${id}" is also the name of a pattern in catalog/patterns.yaml`);
  const providers: Providers = {
    anthropicEvidence: compile(file.anthropic.evidence, 'anthropic.evidence'),
    apiEvidence: compile(file.anthropic.apiEvidence.cue, 'anthropic.apiEvidence.cue'),
    anthropicClients: new Set(file.anthropic.clients),
    apiErrorLine: compile(file.anthropic.apiErrorLine.cue, 'anthropic.apiErrorLine.cue'),
    apiAnswerRetold: compile(file.anthropic.apiAnswerRetold.cue, 'anthropic.apiAnswerRetold.cue'),
    errorShape: compile(file.anthropic.errorShape.cue, 'anthropic.errorShape.cue'),
    toolResultStatus: compile(file.anthropic.toolResultStatus.cue, 'anthropic.toolResultStatus.cue'),
    errorTypes: new Set(file.anthropic.errorTypes),
    envelopes: file.envelopes.flatMap((e, i) => (e.cue === undefined ? [] : [{ id: e.id, re: compile(e.cue, `envelopes.${i}.cue`) }])),
    errorObjectEnvelope: file.envelopes.find((e) => e.errorObject)?.id ?? null,
    clouds: file.clouds.map((c, i) => ({ id: c.id, re: compile(c.cue, `clouds.${i}.cue`) })),
    bodyCues: file.foreign.flatMap((p, i) => (p.bodyCue ? [{ id: p.id, re: compile(p.bodyCue, `foreign.${i}.bodyCue`) }] : [])),
    foreignCues: file.foreign.map((p, i) => ({ id: p.id, re: compile(p.cue, `foreign.${i}.cue`) })),
    foreignIds: ids as [string, ...string[]],
    envelopeIds: file.envelopes.map((e) => e.id) as [string, ...string[]],
    named: new Map(file.foreign.map((p) => [p.id, p.cue])),
    file,
  };
  if (problems.length > 0) throw new CatalogError(problems);
  return providers;
}

/** Loaded once: the contracts derive the ForeignProvider enum from it at import. */
export const PROVIDERS: Providers = loadProviders();
