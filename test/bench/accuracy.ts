import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDoctor } from '../../src/doctor';
import { loadCorpus, scoreCase } from '../support/corpus';
import { LABELLED_SETS } from '../support/shipped-texts';

/**
 * Category accuracy and confidently-wrong answers (wrong category at confidence ≥ CONFIDENT), rules
 * alone: over the labelled sets in test/fixtures (tuned on, so a regression check) and over each
 * frozen held-out round in test/heldout beside its first score (the first-contact figure).
 */
export interface SetAccuracy {
  name: string;
  pastes: number;
  right: number;
  confidentlyWrong: number;
  /** A held-out round's first score (category), from test/heldout/first-scores.json. */
  firstScore?: number;
}

const HELDOUT = fileURLToPath(new URL('../heldout', import.meta.url));

export async function benchAccuracy(): Promise<{ fixtures: SetAccuracy; rounds: SetAccuracy[] }> {
  const doctor = createDoctor({ now: () => new Date('2026-12-07T12:00:00Z') });
  const score = async (name: string, files: string[], firstScore?: number): Promise<SetAccuracy> => {
    const s: SetAccuracy = { name, pastes: 0, right: 0, confidentlyWrong: 0, ...(firstScore === undefined ? {} : { firstScore }) };
    for (const file of files) {
      for (const c of loadCorpus(file)) {
        const d = await doctor.diagnose({ platform: 'test', text: c.text });
        s.pastes += 1;
        const score = scoreCase(c, d);
        if (score.categoryOk) s.right += 1;
        else if (score.confidentlyWrong) s.confidentlyWrong += 1;
      }
    }
    return s;
  };
  const fixtures = await score('test/fixtures (all labelled sets)', [...LABELLED_SETS]);
  const first = JSON.parse(readFileSync(`${HELDOUT}/first-scores.json`, 'utf8')) as { rounds: { file: string; category: number }[] };
  const rounds: SetAccuracy[] = [];
  for (const r of first.rounds) rounds.push(await score(r.file.replace(/\.jsonl$/, ''), [`${HELDOUT}/${r.file}`], r.category));
  await doctor.close();
  return { fixtures, rounds };
}

export function printAccuracyBench({ fixtures, rounds }: Awaited<ReturnType<typeof benchAccuracy>>): void {
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
  console.log('accuracy, rules alone (category right / confidently wrong)');
  console.log(`  ${fixtures.name.padEnd(36)} ${pct(fixtures.right, fixtures.pastes)} of ${fixtures.pastes} / ${fixtures.confidentlyWrong}`);
  for (const r of rounds) {
    console.log(`  held-out ${r.name.padEnd(27)} ${pct(r.right, r.pastes)} of ${r.pastes} / ${r.confidentlyWrong}   (first score ${(100 * r.firstScore!).toFixed(1)} %)`);
  }
}
