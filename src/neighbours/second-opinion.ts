import type { CompiledEntry } from '../catalog';
import type { Category } from '../contracts';
import { type Candidate, CONFIDENT } from '../match';
import type { NeighbourRow } from './data';
import { type Neighbour, NeighbourIndex } from './neighbour-index';
import { foldFocus } from './prepare';

/** How many nearest labelled pastes the trace shows; the nearest one is the opinion. */
export const NEIGHBOURS_CONSULTED = 5;
/**
 * The nearest labelled paste is strong from this cosine similarity on. Measured with
 * leave-one-set-out (test/support/second-opinion-loso.ts --sweep): from 0.7 the nearest labelled
 * paste of an unseen set has the right category 96 % of the time; from 0.6, 88 %.
 */
export const STRONG_SIMILARITY = 0.7;
/** What an answer the second opinion hedged or supplied reports: the hint tier, below CONFIDENT. */
export const HEDGED_CONFIDENCE = 0.5;

/**
 * What the nearest labelled paste says about the rules' answer:
 * - `silent`: it is not strong, is labelled `unknown`, or no entry of this catalogue answers it;
 * - `agrees`: it is strong and of the rules' category;
 * - `fills`: the rules found nothing, or only a guess of another category: its entry is the
 *    answer, hedged;
 * - `hedges`: the rules are confident and a strong neighbour says another category: the rules'
 *    answer stays, hedged — never replaced by a neighbour alone.
 */
export type OpinionRole = 'silent' | 'agrees' | 'fills' | 'hedges';

export interface Opinion {
  role: OpinionRole;
  /** The nearest labelled paste, if any shares a gram with the paste. */
  neighbour: Neighbour<NeighbourRow> | null;
  /** The entry that answers for a strong neighbour: a rules candidate of its category, else a labelled paste's entry of that category. */
  entry: CompiledEntry | null;
  /** The nearest labelled pastes, most similar first. */
  neighbours: Neighbour<NeighbourRow>[];
  /** The similarity a neighbour needed to count as strong. */
  strong: number;
}

export interface SecondOpinionSettings {
  /** Similarity from which a neighbour is strong (STRONG_SIMILARITY). */
  strong?: number;
}

/**
 * A second opinion from the labelled real pastes, for when the rules find nothing or disagree with
 * a strong neighbour. It never answers confidently itself: what it supplies or doubts is hedged.
 */
export class SecondOpinion {
  private readonly strong: number;
  private readonly byId: ReadonlyMap<string, CompiledEntry>;

  constructor(
    private readonly index: NeighbourIndex<NeighbourRow>,
    catalog: readonly CompiledEntry[],
    settings: SecondOpinionSettings = {},
  ) {
    this.strong = settings.strong ?? STRONG_SIMILARITY;
    this.byId = new Map(catalog.map((e) => [e.id, e]));
  }

  static fromRows(rows: readonly NeighbourRow[], catalog: readonly CompiledEntry[], settings?: SecondOpinionSettings): SecondOpinion {
    return new SecondOpinion(NeighbourIndex.build(rows.map((row) => ({ row, folded: row.text }))), catalog, settings);
  }

  /** The entry of the nearest neighbour of the category that names one this catalogue has. */
  private entryOf(category: Category, neighbours: readonly Neighbour<NeighbourRow>[]): CompiledEntry | null {
    for (const n of neighbours) {
      const entry = n.row.category === category && n.row.entry ? this.byId.get(n.row.entry) : undefined;
      if (entry) return entry;
    }
    return null;
  }

  /** The opinion on one paste: its focus text (as the rules read it) and the rules' candidates, best first. */
  consult(focus: string, candidates: readonly Candidate[]): Opinion {
    const neighbours = this.index.nearest(foldFocus(focus), NEIGHBOURS_CONSULTED);
    const nearest = neighbours[0] ?? null;
    const silent: Opinion = { role: 'silent', neighbour: nearest, entry: null, neighbours, strong: this.strong };
    // A paste labelled `unknown` says "nobody can tell these": no opinion.
    if (!nearest || nearest.row.category === 'unknown' || nearest.similarity < this.strong) return silent;
    const category = nearest.row.category;
    const best = candidates[0];
    const entry = candidates.find((c) => c.entry.category === category)?.entry ?? this.entryOf(category, neighbours);
    const opinion = { ...silent, entry };
    if (best && best.entry.category === category) return { ...opinion, role: 'agrees' };
    if (best && best.confidence >= CONFIDENT) return { ...opinion, role: 'hedges' };
    return entry ? { ...opinion, role: 'fills' } : silent;
  }
}
