/**
 * The second opinion's cost (src/neighbours, SECOND_OPINION=on): building the index from
 * catalog/neighbours.jsonl, the memory it holds, and the time one paste's consultation adds.
 *   npx tsx test/bench/second-opinion.ts     (also part of npm run bench)
 */
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../src/catalog';
import { extractSignals } from '../../src/extract';
import { loadNeighbourRows, NeighbourIndex, SecondOpinion } from '../../src/neighbours';
import { normalizeText } from '../../src/normalize';
import { loadCorpus } from '../support/corpus';

export interface SecondOpinionBench {
  rows: number;
  loadMs: number;
  buildMs: number;
  indexMb: number;
  rssAddedMb: number;
  p50Ms: number;
  p99Ms: number;
  longPasteMs: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const focusOf = (text: string) => {
  const n = normalizeText(text);
  return extractSignals(n.flat, new Date(), n.lower).focus;
};

export function benchSecondOpinion(rounds = 20): SecondOpinionBench {
  const catalog = loadCatalog();
  const rssBefore = process.memoryUsage().rss;
  let t0 = performance.now();
  const rows = loadNeighbourRows();
  const loadMs = performance.now() - t0;
  t0 = performance.now();
  const index = NeighbourIndex.build(rows.map((row) => ({ row, folded: row.text })));
  const buildMs = performance.now() - t0;
  const rssAddedMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
  const opinion = new SecondOpinion(index, catalog);
  // Pastes it has not seen: the dev corpus reworded would be better, but any paste costs the same.
  const focuses = loadCorpus().map((c) => focusOf(c.text));
  for (const f of focuses) opinion.consult(f, []); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const f of focuses) {
      const t = performance.now();
      opinion.consult(f, []);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const long = focusOf(Array.from({ length: 400 }, (_, i) => `line ${i}: API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`).join('\n'));
  t0 = performance.now();
  opinion.consult(long, []);
  return { rows: rows.length, loadMs, buildMs, indexMb: index.bytes / 1024 / 1024, rssAddedMb, p50Ms: quantile(times, 0.5), p99Ms: quantile(times, 0.99), longPasteMs: performance.now() - t0 };
}

export function printSecondOpinionBench(b: SecondOpinionBench): void {
  const f = (n: number, d = 2) => n.toFixed(d);
  console.log(`second opinion (SECOND_OPINION=on; ${b.rows} labelled pastes)`);
  console.log(`  read + validate   ${f(b.loadMs, 0)} ms`);
  console.log(`  build the index   ${f(b.buildMs, 0)} ms   (once per process)`);
  console.log(`  index memory      ${f(b.indexMb, 1)} MB typed arrays; RSS added ${f(b.rssAddedMb, 1)} MB with the rows`);
  console.log(`  p50 per paste     ${f(b.p50Ms, 3)} ms   (added to the rules path)`);
  console.log(`  p99 per paste     ${f(b.p99Ms, 3)} ms`);
  console.log(`  a 40 KB paste     ${f(b.longPasteMs, 1)} ms`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printSecondOpinionBench(benchSecondOpinion());
}
