/**
 * `npm run bench`: prints accuracy, speed, memory and reply-size figures. Targets (rules path, one core):
 * ≥ 20,000 pastes/s, p99 < 1 ms, CLI cold start ≤ 1.5 s; the first message (`reply`) median
 * ≤ 700 characters and ≤ 12 lines, p90 ≤ 1,100; no other client's steps. Figures only — nothing
 * here fails a build.
 */
import { benchAccuracy, printAccuracyBench } from './accuracy';
import { benchColdStart } from './cold-start';
import { benchHostile, printHostileBench } from './hostile';
import { benchHostileRegexes } from './hostile-regexes';
import { benchOcr, printOcrBench } from './ocr';
import { benchReplies, printRepliesBench } from './replies';
import { benchRules } from './rules';
import { benchSecondOpinion, printSecondOpinionBench } from './second-opinion';

const fmt = (n: number, digits = 3) => n.toFixed(digits);

printAccuracyBench(await benchAccuracy());
printRepliesBench(await benchReplies());

const rules = await benchRules();
console.log('rules path (dev corpus repeated, no model, no OCR)');
console.log(`  pastes            ${rules.pastes}`);
console.log(`  pastes/s          ${rules.pastesPerSecond}   (target ≥ 20000)`);
console.log(`  p50 per paste     ${fmt(rules.p50Ms)} ms`);
console.log(`  p99 per paste     ${fmt(rules.p99Ms)} ms   (target < 1 ms)`);
console.log(`  peak RSS          ${fmt(rules.peakRssMb, 1)} MB`);

printSecondOpinionBench(benchSecondOpinion());

printHostileBench(await benchHostile());
console.log('hostile pastes (every catalogue regex / extraction + ranking / whole diagnosis)');
for (const h of await benchHostileRegexes()) {
  console.log(`  ${h.name.padEnd(42)} ${fmt(h.regexesMs, 1)} ms / ${fmt(h.rulesMs, 1)} ms / ${fmt(h.diagnoseMs, 1)} ms`);
}

const cold = benchColdStart();
console.log('CLI cold start (one paste, median of 5)');
console.log(`  npx tsx src/cli/diagnose.ts   ${fmt(cold.tsxMedianMs / 1000, 2)} s   (target ≤ 1.5 s)`);
console.log(`  npm run -s diagnose           ${fmt(cold.npmRunMedianMs / 1000, 2)} s`);

printOcrBench(await benchOcr());
