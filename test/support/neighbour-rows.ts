/**
 * The rows of catalog/neighbours.jsonl, built from the labelled sets in test/fixtures/ (never
 * test/heldout/): each paste redacted, its focus text folded as the rules path reads it, with its
 * set, source, labelled category and the catalogue entry that answers it. Used by
 * `npm run neighbours:build` (writes the file), the sync test and the leave-one-set-out script.
 */
import { createDoctor } from '../../src/doctor';
import { type NeighbourRow, prepareText } from '../../src/neighbours';
import { redactSecrets } from '../../src/redact';
import { type CorpusCase, labelledSets, loadCorpus } from './corpus';

export interface LabelledPaste {
  set: string;
  case: CorpusCase;
}

/** Every labelled paste, set by set in file-name order, each set in file order. */
export function labelledPastes(): LabelledPaste[] {
  return labelledSets().flatMap((file) => loadCorpus(file).map((c) => ({ set: file.replace(/\.jsonl$/, ''), case: c })));
}

/** The row without its entry: what follows from the labelled paste alone. */
export function rowOf(p: LabelledPaste): Omit<NeighbourRow, 'entry'> {
  return { id: p.case.id, set: p.set, source: p.case.source, category: p.case.expect.category, text: prepareText(redactSecrets(p.case.text).text) };
}

/**
 * The entry that answers each labelled paste by the rules alone: their answer when it has the
 * labelled category, else their best candidate of that category, else none.
 */
export async function directEntries(pastes: readonly LabelledPaste[]): Promise<(string | null)[]> {
  const doctor = createDoctor({ now: () => new Date('2026-11-25T12:00:00Z') });
  const direct: (string | null)[] = [];
  for (const p of pastes) {
    const want = p.case.expect.category;
    const d = await doctor.diagnose({ platform: 'test', text: p.case.text });
    direct.push(want === 'unknown' ? null : d.category === want ? d.entry : (d.candidates.find((c) => c.category === want)?.entry ?? null));
  }
  return direct;
}

/**
 * The rows for some labelled pastes. A paste the rules miss still lends its category an answer:
 * the entry the rules give most often to the other pastes of that category here (none for `unknown`).
 */
export function rowsOf(pastes: readonly LabelledPaste[], direct: readonly (string | null)[]): NeighbourRow[] {
  const usual = new Map<string, Map<string, number>>();
  pastes.forEach((p, i) => {
    const entry = direct[i];
    if (!entry) return;
    const counts = usual.get(p.case.expect.category) ?? new Map<string, number>();
    counts.set(entry, (counts.get(entry) ?? 0) + 1);
    usual.set(p.case.expect.category, counts);
  });
  const mostUsual = (category: string) => [...(usual.get(category) ?? [])].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0] ?? null;
  return pastes.map((p, i) => {
    const { id, set, source, category, text } = rowOf(p);
    return { id, set, source, category, entry: direct[i] ?? (category === 'unknown' ? null : mostUsual(category)), text };
  });
}

/** Every row of catalog/neighbours.jsonl, in file order. */
export async function neighbourRows(): Promise<NeighbourRow[]> {
  const pastes = labelledPastes();
  return rowsOf(pastes, await directEntries(pastes));
}
