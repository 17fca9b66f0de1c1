/**
 * Developer tool: the first-contact figures of issue 13 for every labelled set in test/fixtures —
 * category accuracy, confidently wrong (wrong category at confidence ≥ CONFIDENT), and pastes that
 * show an official status and type but are answered "unknown".
 *   npx tsx test/support/score-sets.ts
 */
import { createDoctor } from '../../src/doctor';
import { loadCorpus, scoreCase, showsOfficialStatusAndType } from './corpus';
import { LABELLED_SETS } from './shipped-texts';

const doctor = createDoctor({ now: () => new Date('2026-11-25T12:00:00Z') });
let officialUnknown = 0;
console.log('set\tpastes\tcategory\tconfidently wrong\tofficial status+type answered unknown');
for (const set of LABELLED_SETS) {
  const cases = loadCorpus(set);
  let right = 0;
  let confidentlyWrong = 0;
  let unknown = 0;
  for (const c of cases) {
    const d = await doctor.diagnose({ platform: 'test', text: c.text });
    const s = scoreCase(c, d);
    if (s.categoryOk) right++;
    else if (s.confidentlyWrong) confidentlyWrong++;
    if (showsOfficialStatusAndType(c, d) && d.category === 'unknown') unknown++;
  }
  officialUnknown += unknown;
  console.log(`${set}\t${cases.length}\t${((100 * right) / cases.length).toFixed(1)} %\t${confidentlyWrong}\t${unknown}`);
}
console.log(`official status+type answered unknown, all sets: ${officialUnknown}`);
