/**
 * Developer tool: prints how the catalogue scores on a labelled corpus, case by case.
 *   npx tsx test/support/score-corpus.ts [fixture-name.jsonl] [--fail-only] [--explain]
 * --explain prints, under each failing case, why the rules answered as they did (as diagnose --explain).
 */
import { formatTrace } from '../../src/cli/explain';
import { createDoctor } from '../../src/doctor';
import { loadCorpus, scoreCase, summarize } from './corpus';

const args = process.argv.slice(2);
const failOnly = args.includes('--fail-only');
const explain = args.includes('--explain');
const name = args.find((a) => !a.startsWith('--'));
const doctor = createDoctor({ now: () => new Date('2026-11-25T12:00:00Z') });
const scores = [];
for (const c of loadCorpus(name)) {
  const d = await doctor.diagnose({ platform: 'test', text: c.text, explain });
  const s = scoreCase(c, d);
  scores.push(s);
  const bad = !s.categoryOk || s.statusOk === false || s.typeOk === false || s.missingMentions.length > 0 || s.confidentOnOutOfScope;
  if (failOnly && !bad) continue;
  const flags = [
    s.categoryOk ? '' : `CATEGORY want ${c.expect.category}${c.expect.alt_categories ? `|${c.expect.alt_categories.join('|')}` : ''}`,
    s.statusOk === false ? `STATUS want ${c.expect.status}` : '',
    s.typeOk === false ? `TYPE want ${c.expect.type}` : '',
    s.missingMentions.length ? `MENTIONS missing ${JSON.stringify(s.missingMentions)}` : '',
    s.confidentOnOutOfScope ? 'CONFIDENT-ON-OUT-OF-SCOPE' : '',
  ].filter(Boolean);
  console.log(`${bad ? '✗' : '✓'} ${c.id} → ${s.got.category} (${s.got.entry ?? '-'} ${s.got.confidence.toFixed(2)}) ${s.got.status ?? '-'} ${s.got.type ?? '-'} ${flags.join('  ')}`);
  if (bad && d.trace) console.log(`${formatTrace(d.trace).replace(/^/gm, '    ')}\n`);
}
console.log(JSON.stringify(summarize(scores), null, 2));
