import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type Category, CategorySchema, type Diagnosis } from '../../src/contracts';
import { OFFICIAL_TYPES } from '../../src/extract';
import { CONFIDENT } from '../../src/match';

/** A labelled real paste. The dev corpus is copied from ../shared/corpus/dev.jsonl. */
export const CorpusCaseSchema = z.object({
  id: z.string(),
  source: z.string(),
  client: z.string(),
  text: z.string(),
  notes: z.string().optional(),
  expect: z.object({
    status: z.number().nullable().optional(),
    type: z.string().nullable().optional(),
    category: CategorySchema,
    alt_categories: z.array(CategorySchema).optional(),
    mentions: z.array(z.string()),
  }),
});
export type CorpusCase = z.infer<typeof CorpusCaseSchema>;

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

/** The labelled sets of real pastes: the dev corpus and the holdout*.jsonl rounds in test/fixtures/, by file name. */
export function labelledSets(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f === 'dev-corpus.jsonl' || /^holdout.*\.jsonl$/.test(f))
    .sort();
}

/** A labelled set: a file name in test/fixtures/, or a path (one with a slash) anywhere. */
export function loadCorpus(name = 'dev-corpus.jsonl'): CorpusCase[] {
  const path = name.includes('/') ? name : `${FIXTURES}/${name}`;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => CorpusCaseSchema.parse(JSON.parse(l)));
}

export interface CaseScore {
  id: string;
  categoryOk: boolean;
  /** null when the case states no status / type. */
  statusOk: boolean | null;
  typeOk: boolean | null;
  missingMentions: string[];
  /** Wrong category, not "unknown", at confidence ≥ CONFIDENT: issue 13's "confidently wrong". */
  confidentlyWrong: boolean;
  /** An out_of_scope case answered with a confident Claude-error diagnosis. */
  confidentOnOutOfScope: boolean;
  got: { category: Category; status: number | null; type: string | null; entry: string | null; confidence: number };
}

/** The paste shows an official status and type: its label states both, or extraction read both. */
export function showsOfficialStatusAndType(c: CorpusCase, d: Diagnosis): boolean {
  const labelled = typeof c.expect.status === 'number' && typeof c.expect.type === 'string' && OFFICIAL_TYPES.has(c.expect.type);
  return labelled || (d.signals.status !== null && d.signals.type !== null && OFFICIAL_TYPES.has(d.signals.type));
}

/**
 * Scores one diagnosis the way the acceptance test does. The `mentions` are looked for in
 * `reply` alone — the first message a chat user reads must name the concept; `details` does not count.
 */
export function scoreCase(c: CorpusCase, d: Diagnosis): CaseScore {
  const accepted = [c.expect.category, ...(c.expect.alt_categories ?? [])];
  const reply = d.reply.toLowerCase();
  const outOfScope = c.expect.category === 'out_of_scope';
  const categoryOk = accepted.includes(d.category);
  const confident = d.category !== 'unknown' && d.confidence >= CONFIDENT;
  return {
    id: c.id,
    categoryOk,
    statusOk: c.expect.status === undefined || c.expect.status === null ? null : d.status === c.expect.status,
    typeOk: c.expect.type === undefined || c.expect.type === null ? null : d.type === c.expect.type,
    missingMentions: c.expect.mentions.filter((m) => !reply.includes(m.toLowerCase())),
    confidentlyWrong: !categoryOk && confident,
    confidentOnOutOfScope: outOfScope && d.category !== 'out_of_scope' && confident,
    got: { category: d.category, status: d.status, type: d.type, entry: d.entry, confidence: d.confidence },
  };
}

export function summarize(scores: CaseScore[]) {
  const rate = (xs: (boolean | null)[]) => {
    const judged = xs.filter((x): x is boolean => x !== null);
    return judged.length ? judged.filter(Boolean).length / judged.length : 1;
  };
  return {
    cases: scores.length,
    category: rate(scores.map((s) => s.categoryOk)),
    status: rate(scores.map((s) => s.statusOk)),
    type: rate(scores.map((s) => s.typeOk)),
    mentionsMissing: scores.filter((s) => s.missingMentions.length > 0).length,
    confidentOnOutOfScope: scores.filter((s) => s.confidentOnOutOfScope).length,
  };
}
