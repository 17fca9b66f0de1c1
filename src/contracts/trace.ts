import { z } from 'zod';
import { CategorySchema } from './categories';

/**
 * Why the rules gave their answer (`diagnose --explain`; `trace` in the JSON only then). For the
 * winner and the runners-up: the rule that fired, its why and tier, and what decided between them;
 * the vetoes that kept a rule out; the text the rules read and the spans extraction blanked in it.
 */
export const TraceCandidateSchema = z.object({
  entry: z.string(),
  category: CategorySchema,
  evidence: z.enum(['exact', 'shape', 'hint']),
  confidence: z.number(),
  /** Index of the rule in the entry's `match` list. */
  rule: z.number().int(),
  why: z.string(),
  /** The rule's conditions, as written in the catalogue. */
  conditions: z.string(),
  /**
   * Its place: `winner`; `weaker-evidence` (it fired in a lower tier than `against`); `backstop` (it
   * fired only with a backstop, the generic answer, and `against` fired with a specific rule of the same tier); `outranked`
   * (`path` of outranks edges from the entry above it); `tie` (no precedence either way: entry id
   * order decided — a gap in the catalogue's precedence).
   */
  decision: z.object({
    kind: z.enum(['winner', 'weaker-evidence', 'backstop', 'outranked', 'tie', 'scope']),
    against: z.string().optional(),
    path: z.array(z.string()).optional(),
  }),
});

/**
 * The second opinion (src/neighbours), when it is on: the nearest labelled real pastes, and what the
 * nearest one did — `silent` (not strong), `agrees`, `fills` (the answer is its entry, hedged) or
 * `hedges` (the rules' answer, doubted by a strong neighbour of another category).
 */
export const SecondOpinionTraceSchema = z.object({
  role: z.enum(['silent', 'agrees', 'fills', 'hedges']),
  /** The similarity the nearest paste needs to count as strong. */
  strong: z.number(),
  neighbours: z.array(
    z.object({ id: z.string(), set: z.string(), source: z.string(), category: CategorySchema, entry: z.string().nullable(), similarity: z.number() }),
  ),
});

export const TraceSchema = z.object({
  /** The text the rules read: the redacted, normalized paste on one line (before blanking). */
  text: z.string(),
  /** Spans of `text` extraction blanked before the rules read it, with the rule that blanked each. */
  blanked: z.array(z.object({ start: z.number().int(), end: z.number().int(), rule: z.string() })),
  candidates: z.array(TraceCandidateSchema),
  /** Rules whose conditions held but whose `unless` vetoed them (only those stronger than what their entry fired with). */
  vetoed: z.array(z.object({ entry: z.string(), rule: z.number().int(), evidence: z.enum(['exact', 'shape', 'hint']), why: z.string(), unless: z.string() })),
  secondOpinion: SecondOpinionTraceSchema.optional(),
  /** Where the error text came from, and the evidence that decided it (src/extract/source.ts). */
  source: z.string().optional(),
});
export type Trace = z.infer<typeof TraceSchema>;
export type TraceCandidate = z.infer<typeof TraceCandidateSchema>;
export type SecondOpinionTrace = z.infer<typeof SecondOpinionTraceSchema>;
