/**
 * Developer tool: how well client detection names the tool each labelled paste came from.
 *   npx tsx test/support/score-clients.ts [--cases]
 * Reads every labelled set in test/fixtures (their `client` label) and prints, per label, how many
 * pastes were detected as which client id. --cases lists every paste whose detection differs.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDoctor } from '../../src/doctor';
import { loadCorpus } from './corpus';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const sets = readdirSync(FIXTURES).filter((f) => f === 'dev-corpus.jsonl' || /^holdout.*\.jsonl$/.test(f)).sort();
const listCases = process.argv.includes('--cases');
const doctor = createDoctor({ now: () => new Date('2026-11-25T12:00:00Z') });
const table = new Map<string, Map<string, number>>();
for (const set of sets) {
  for (const c of loadCorpus(set)) {
    const d = await doctor.diagnose({ platform: 'test', text: c.text });
    const got = d.client ?? '(none)';
    const row = table.get(c.client) ?? new Map<string, number>();
    row.set(got, (row.get(got) ?? 0) + 1);
    table.set(c.client, row);
    if (listCases) console.log(`${c.id}\t${c.client}\t${got}\t${d.entry ?? '-'}`);
  }
}
for (const [label, row] of [...table].sort((a, b) => sum(b[1]) - sum(a[1]))) {
  console.log(`${label} (${sum(row)}): ${[...row].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', ')}`);
}

function sum(row: Map<string, number>): number {
  return [...row.values()].reduce((a, b) => a + b, 0);
}
