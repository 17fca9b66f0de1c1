/**
 * Leave-one-set-out measure of the second opinion (src/neighbours). For each labelled set in
 * test/fixtures/, the neighbour index is built from the other sets only (and without any paste
 * from a thread the set cites), then the set is scored by the rules alone and with the second
 * opinion: category accuracy, and confidently wrong (confidence ≥ 0.6 on a wrong category).
 *
 *   npx tsx test/support/second-opinion-loso.ts                  the table (markdown), at STRONG_SIMILARITY
 *   npx tsx test/support/second-opinion-loso.ts --sweep          totals for other similarity bars
 *   npx tsx test/support/second-opinion-loso.ts --cases          also every paste the second opinion acted on
 *   npx tsx test/support/second-opinion-loso.ts --strong 0.75    another bar
 *   npx tsx test/support/second-opinion-loso.ts --score FILE     one new labelled set (a path), against an
 *                                                                index of every labelled set (once, for a
 *                                                                held-out round's first score)
 *
 * Read the table with this in mind: the rules were tuned on every one of these sets, so "rules
 * alone" is their score after fixing, not a first-contact score; only the neighbours are unseen.
 */
import { basename } from 'node:path';
import { loadCatalog } from '../../src/catalog';
import { createDoctor } from '../../src/doctor';
import { NeighbourIndex, type NeighbourRow, SecondOpinion, STRONG_SIMILARITY } from '../../src/neighbours';
import { type CorpusCase, loadCorpus, scoreCase } from './corpus';
import { directEntries, labelledPastes, rowsOf } from './neighbour-rows';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sweep = args.includes('--sweep');
const showCases = args.includes('--cases');
const strong = Number(option('--strong') ?? STRONG_SIMILARITY);
if (!(strong > 0 && strong <= 1)) throw new Error('--strong takes a similarity between 0 and 1');
const scoreFile = option('--score');
const bars = sweep ? [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9] : [strong];

const now = () => new Date('2026-11-25T12:00:00Z');
const catalog = loadCatalog();
const pastes = labelledPastes();
const rows = rowsOf(pastes, await directEntries(pastes));
const rulesAlone = createDoctor({ catalog, now });

interface Tally {
  pastes: number;
  rulesRight: number;
  rulesConfidentlyWrong: number;
  right: number;
  confidentlyWrong: number;
  filledRight: number;
  filledWrong: number;
  hedgedRight: number;
  hedgedWrong: number;
  nearestRight: number;
  strong: number;
  strongRight: number;
}
const empty = (): Tally => ({ pastes: 0, rulesRight: 0, rulesConfidentlyWrong: 0, right: 0, confidentlyWrong: 0, filledRight: 0, filledWrong: 0, hedgedRight: 0, hedgedWrong: 0, nearestRight: 0, strong: 0, strongRight: 0 });
const acted: string[] = [];

/** Scores one set by the rules alone and with the second opinion over `known` (never a paste of the set's threads), at each bar. */
async function scoreSet(set: string, cases: readonly CorpusCase[], known: readonly NeighbourRow[]): Promise<Map<number, Tally>> {
  const cited = new Set(cases.map((c) => c.source));
  const index = NeighbourIndex.build(known.filter((r) => !cited.has(r.source)).map((row) => ({ row, folded: row.text })));
  const before = [];
  for (const c of cases) before.push(scoreCase(c, await rulesAlone.diagnose({ platform: 'test', text: c.text })));
  const out = new Map<number, Tally>();
  for (const bar of bars) {
    const doctor = createDoctor({ catalog, now, secondOpinion: new SecondOpinion(index, catalog, { strong: bar }) });
    const t = empty();
    for (const [i, c] of cases.entries()) {
      const d = await doctor.diagnose({ platform: 'test', text: c.text, explain: true });
      const s = scoreCase(c, d);
      const b = before[i]!;
      const opinion = d.trace!.secondOpinion!;
      const accepted = [c.expect.category, ...(c.expect.alt_categories ?? [])];
      const nearest = opinion.neighbours[0];
      const nearestOk = nearest !== undefined && accepted.includes(nearest.category);
      t.pastes++;
      t.rulesRight += Number(b.categoryOk);
      t.rulesConfidentlyWrong += Number(b.confidentlyWrong);
      t.right += Number(s.categoryOk);
      t.confidentlyWrong += Number(s.confidentlyWrong);
      t.nearestRight += Number(nearestOk);
      if (nearest && nearest.similarity >= bar && nearest.category !== 'unknown') {
        t.strong++;
        t.strongRight += Number(nearestOk);
      }
      if (opinion.role === 'fills') s.categoryOk ? t.filledRight++ : t.filledWrong++;
      if (opinion.role === 'hedges') b.categoryOk ? t.hedgedRight++ : t.hedgedWrong++;
      if (showCases && bar === strong && (opinion.role === 'fills' || opinion.role === 'hedges')) {
        acted.push(
          `${s.categoryOk ? '✓' : '✗'} ${set}/${c.id} want ${accepted.join('|')}: rules ${b.got.category} (${b.got.confidence.toFixed(2)}) → ${opinion.role} ${d.category} (${d.entry ?? '-'} ${d.confidence.toFixed(2)}) · nearest ${nearest!.set}/${nearest!.id} ${nearest!.category} ${nearest!.similarity.toFixed(2)}`,
        );
      }
    }
    out.set(bar, t);
  }
  return out;
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
const sum = (ts: Iterable<Tally>) => {
  const total = empty();
  for (const t of ts) for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
  return total;
};
const cells = (t: Tally) => [
  t.pastes,
  `${pct(t.rulesRight, t.pastes)} / ${t.rulesConfidentlyWrong}`,
  `${pct(t.right, t.pastes)} / ${t.confidentlyWrong}`,
  `${t.filledRight} / ${t.filledWrong}`,
  `${t.hedgedWrong} / ${t.hedgedRight}`,
  pct(t.nearestRight, t.pastes),
  t.strong ? `${t.strongRight} / ${t.strong} (${pct(t.strongRight, t.strong)})` : '0',
];
const header = (first: string) =>
  `| ${first} | pastes | rules alone: category / confidently wrong | with the second opinion | filled in: right / wrong | hedged: a wrong / a right rules answer | nearest paste alone: category | strong nearest: right / all |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`;

// Per set (or the one file), then per bar.
const results = new Map<string, Map<number, Tally>>();
if (scoreFile) {
  results.set(basename(scoreFile, '.jsonl'), await scoreSet(basename(scoreFile, '.jsonl'), loadCorpus(scoreFile), rows));
} else {
  for (const set of [...new Set(pastes.map((p) => p.set))]) {
    const held = pastes.filter((p) => p.set === set).map((p) => p.case);
    results.set(set, await scoreSet(set, held, rows.filter((r) => r.set !== set)));
  }
}

const what = scoreFile ? `${scoreFile} against every labelled set` : `Leave-one-set-out over ${pastes.length} pastes`;
if (sweep) {
  console.log(`${what}, by the similarity from which the nearest labelled paste is strong\n`);
  console.log([header('strong from'), ...bars.map((b) => `| ${b} | ${cells(sum([...results.values()].map((r) => r.get(b)!))).join(' | ')} |`)].join('\n'));
} else {
  console.log(`${what}; the nearest labelled paste is strong from similarity ${strong}\n`);
  const lines = [...results].map(([set, r]) => `| \`${set}\` | ${cells(r.get(strong)!).join(' | ')} |`);
  if (!scoreFile) lines.push(`| **all** | ${cells(sum([...results.values()].map((r) => r.get(strong)!))).join(' | ')} |`);
  console.log([header('set'), ...lines].join('\n'));
}
if (showCases) console.log(`\nPastes the second opinion acted on (similarity ≥ ${strong}):\n${acted.join('\n') || '(none)'}`);
