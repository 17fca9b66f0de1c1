import type { CompiledEntry } from '../catalog';
import { KNOWLEDGE_DIR } from '../knowledge/read';
import { loadNeighbourRows, type NeighbourRow } from './data';
import { NeighbourIndex } from './neighbour-index';
import { SecondOpinion } from './second-opinion';

/** Built once per process and directory, on first use: every doctor shares it. */
const built = new Map<string, NeighbourIndex<NeighbourRow>>();

/** The shipped labelled pastes (catalog/neighbours.jsonl) as an index; throws a CatalogError when the file is invalid. */
export function shippedNeighbourIndex(dir: string = KNOWLEDGE_DIR): NeighbourIndex<NeighbourRow> {
  let index = built.get(dir);
  if (!index) {
    index = NeighbourIndex.build(loadNeighbourRows(dir).map((row) => ({ row, folded: row.text })));
    built.set(dir, index);
  }
  return index;
}

/**
 * The second opinion over the shipped labelled pastes, answering with entries of `catalog` (a row
 * whose entry this catalogue lacks still votes, but cannot supply the answer).
 */
export function shippedSecondOpinion(catalog: readonly CompiledEntry[], dir?: string): SecondOpinion {
  return new SecondOpinion(shippedNeighbourIndex(dir), catalog);
}
