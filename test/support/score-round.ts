/**
 * Developer tool: a held-out round's first score, printed as the entry test/heldout/first-scores.json
 * keeps (rules alone: no model, no second opinion). Run it ONCE per round, before anything is fixed
 * for that round, and copy the entry; then the round is frozen.
 *   npx tsx test/support/score-round.ts test/heldout/round-12a.jsonl [--cases]
 * --cases also lists every paste answered wrong (id, expected → got, entry, confidence).
 *
 * In scope = a Claude error (label other than out_of_scope); confidently wrong = wrong category, not
 * "unknown", confidence ≥ CONFIDENT. Out of scope splits what the bot said instead of "not Claude's":
 * unknown, a hedged Claude answer (below CONFIDENT) or a confident Claude answer.
 */
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import { createDoctor } from '../../src/doctor';
import { loadCorpus, scoreCase, showsOfficialStatusAndType } from './corpus';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npx tsx test/support/score-round.ts <round.jsonl> [--cases]');
  process.exit(2);
}
const showCases = args.includes('--cases');
const doctor = createDoctor({ now: () => new Date('2026-12-07T12:00:00Z') });
const inScope = { cases: 0, right: 0, unknown: 0, confidentlyWrong: 0 };
const outOfScope = { cases: 0, right: 0, unknown: 0, hedgedClaudeAnswer: 0, confidentClaudeAnswer: 0 };
let right = 0;
let confidentlyWrong = 0;
const officialUnknown: string[] = [];
const wrong: string[] = [];
const cases = loadCorpus(file);
for (const c of cases) {
  const d = await doctor.diagnose({ platform: 'test', text: c.text });
  const s = scoreCase(c, d);
  const ok = s.categoryOk;
  if (ok) right++;
  else {
    if (s.confidentlyWrong) confidentlyWrong++;
    wrong.push(`${c.id}  want ${c.expect.category} → ${d.category} (${d.entry ?? '-'} ${d.confidence.toFixed(2)})`);
  }
  if (showsOfficialStatusAndType(c, d) && d.category === 'unknown') officialUnknown.push(c.id);
  if (c.expect.category === 'out_of_scope') {
    outOfScope.cases++;
    if (ok) outOfScope.right++;
    else if (d.category === 'unknown') outOfScope.unknown++;
    else if (s.confidentlyWrong) outOfScope.confidentClaudeAnswer++;
    else outOfScope.hedgedClaudeAnswer++;
  } else {
    inScope.cases++;
    if (ok) inScope.right++;
    else if (d.category === 'unknown') inScope.unknown++;
    else if (s.confidentlyWrong) inScope.confidentlyWrong++;
  }
}
await doctor.close();
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const entry = {
  file: basename(file),
  scored: new Date().toISOString().slice(0, 10),
  commit,
  cases: cases.length,
  category: Math.round((1000 * right) / cases.length) / 1000,
  inScope,
  outOfScope,
  confidentlyWrong,
};
console.log(JSON.stringify(entry, null, 2));
console.log(`official status+type answered unknown: ${officialUnknown.length ? officialUnknown.join(', ') : 'none'}`);
if (showCases) for (const w of wrong) console.log(w);
