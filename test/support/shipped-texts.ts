import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledEntry } from '../../src/catalog';
import { contractTexts, errorCodeTexts, statusClassTexts } from './contract-texts';
import { loadCorpus } from './corpus';

/** One text the project ships: an entry's example or look-alike, a labelled corpus paste, or a documented error. */
export interface ShippedText {
  /** Stable name: `<entry>/match/<i>`, `<entry>/nomatch/<i>`, `corpus/<case id>` or `contract/<type>/<form>`. */
  key: string;
  text: string;
  /** The entry whose example this is (null for corpus pastes). */
  entry: string | null;
  kind: 'match' | 'nomatch' | 'corpus' | 'contract';
}

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

/** The labelled sets in test/fixtures (the same ones test/corpus/labelled-sets.test.ts scores). */
export const LABELLED_SETS = readdirSync(FIXTURES)
  .filter((f) => f === 'dev-corpus.jsonl' || /^holdout.*\.jsonl$/.test(f))
  .sort();

/** Every shipped text: all entry examples (match and nomatch), all labelled corpus pastes, the documented errors (with the SDK's error codes and 1.x status classes). */
export function shippedTexts(catalog: readonly CompiledEntry[]): ShippedText[] {
  const out: ShippedText[] = [];
  for (const e of catalog) {
    e.examples.match.forEach((text, i) => out.push({ key: `${e.id}/match/${i}`, text, entry: e.id, kind: 'match' }));
    e.examples.nomatch.forEach((text, i) => out.push({ key: `${e.id}/nomatch/${i}`, text, entry: e.id, kind: 'nomatch' }));
  }
  for (const set of LABELLED_SETS) for (const c of loadCorpus(set)) out.push({ key: `corpus/${c.id}`, text: c.text, entry: null, kind: 'corpus' });
  for (const c of [...contractTexts(), ...errorCodeTexts(), ...statusClassTexts()]) out.push({ key: c.key, text: c.text, entry: null, kind: 'contract' });
  return out;
}
