import type { CompiledEntry } from '../catalog';
import type { Candidate } from '../match';
import { HEDGED_CONFIDENCE, type Opinion } from '../neighbours';
import type { FallbackRequest } from '../ports';

export interface Guess {
  entry: CompiledEntry;
  confidence: number;
  /** Why it is hedged, when the second opinion hedged or supplied it. */
  why?: string;
}

const similar = (o: Opinion) => `${o.neighbour!.row.id} in ${o.neighbour!.row.set}, similarity ${o.neighbour!.similarity.toFixed(2)}`;

/** The answer to give below the confidence bar: the neighbours' when they fill in, the rules' (hedged when doubted) otherwise. */
export function hedgedGuess(best: Candidate | undefined, opinion: Opinion | null): Guess | null {
  if (opinion?.role === 'fills' && opinion.entry) {
    const rules = best ? `only guessed ${best.entry.category}` : 'found no match';
    return { entry: opinion.entry, confidence: HEDGED_CONFIDENCE, why: `The rules ${rules}; the most similar labelled paste (${similar(opinion)}) was this error.` };
  }
  if (!best) return null;
  if (opinion?.role === 'hedges') {
    const category = opinion.neighbour!.row.category;
    const other = opinion.entry ? `${category}, entry ${opinion.entry.id}` : category;
    return { entry: best.entry, confidence: HEDGED_CONFIDENCE, why: `A very similar labelled paste (${similar(opinion)}) was another error (${other}).` };
  }
  return { entry: best.entry, confidence: best.confidence };
}

/** What the model fallback is told of a strong neighbour, as a hint it may overrule. */
export function neighbourHint(opinion: Opinion | null): Pick<FallbackRequest, 'neighbour'> {
  if (!opinion || opinion.role === 'silent' || !opinion.neighbour) return {};
  return { neighbour: { category: opinion.neighbour.row.category, entry: opinion.entry?.id ?? null, similarity: opinion.neighbour.similarity } };
}
