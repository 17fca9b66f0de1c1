/**
 * `npx tsx test/support/redaction-cost.ts`: what redaction costs per paste on the dev corpus
 * (test/fixtures/dev-corpus.jsonl): `redactSecrets` on each paste, and — where the outbound gate
 * exists — the gate over each finished Diagnosis. The fastest of several rounds (the machine is
 * shared; the minimum is the least disturbed); a figure, never asserted.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDoctor } from '../../src/doctor';
import * as redact from '../../src/redact';
import { loadCorpus } from './corpus';

const texts = loadCorpus().map((c) => c.text);
const ROUNDS = 25;
const REPEAT = 40;

function msPerItem<T>(items: readonly T[], work: (item: T) => unknown): number {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now();
    for (let i = 0; i < REPEAT; i++) for (const item of items) work(item);
    rounds.push((performance.now() - started) / (REPEAT * items.length));
  }
  rounds.sort((a, b) => a - b);
  return rounds[0]!;
}

/** Inputs built to make a redaction pattern rescan (each once was, or could be, super-linear). */
const HOSTILE: Array<[string, (n: number) => string]> = [
  ['plain prose', (n) => 'The quick brown fox jumps over the lazy dog. '.repeat(n / 45)],
  ['`token=` repeated', (n) => 'token='.repeat(n / 6)],
  ['PEM BEGIN lines', (n) => '-----BEGIN PRIVATE KEY-----\n'.repeat(n / 28)],
  ['AKIA ids + 40-char runs', (n) => `AKIAABCDEFGHIJKLMNOP aB3${'x'.repeat(37)} `.repeat(n / 62)],
  ['backslashes', (n) => '\\'.repeat(n)],
  ['key prefixes, one a line', (n) => 'sk-ant-api03-ab\n'.repeat(n / 16)],
  ['key pieces between spaces', (n) => `sk-ant-api03-Ab1 ${'Zz9 '.repeat(n / 4)}`],
];

const kb = texts.reduce((n, t) => n + t.length, 0) / texts.length / 1024;
console.log(`dev corpus: ${texts.length} pastes, ${kb.toFixed(2)} KB on average`);
console.log(`redactSecrets           ${msPerItem(texts, (t) => redact.redactSecrets(t)).toFixed(4)} ms per paste`);

console.log('redactSecrets per KB (fastest of 5), at 64 KB and 256 KB: linear when the two agree');
for (const [name, make] of HOSTILE) {
  const perKb = [64, 256].map((size) => {
    const text = make(size * 1024);
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      const started = performance.now();
      redact.redactSecrets(text);
      best = Math.min(best, performance.now() - started);
    }
    return `${(best / size).toFixed(3)} ms`;
  });
  console.log(`  ${name.padEnd(28)} ${perKb.join('   ')}`);
}

if ('guardOutbound' in redact) {
  // The gate remembers text it found clean, which is mostly the catalogue's. A fresh instance of it
  // is warmed as a running bot would be (the dev corpus and half the held-out pastes), then timed on
  // Diagnoses of pastes it has never seen (the other half); and again on the same, now seen.
  // Fastest of five fresh instances, as above.
  type Gate = (value: unknown, exit: string) => unknown;
  const doctor = createDoctor();
  const heldOut = readdirSync(fileURLToPath(new URL('../fixtures/', import.meta.url)))
    .filter((f) => f.startsWith('holdout'))
    .flatMap((file) => loadCorpus(file).map((c) => c.text));
  const diagnose = (text: string) => doctor.diagnose({ platform: 'test', text });
  const warm = await Promise.all([...texts, ...heldOut.filter((_, i) => i % 2 === 0)].map(diagnose));
  const diagnoses = await Promise.all(heldOut.filter((_, i) => i % 2 === 1).map(diagnose));
  let firstSight = Infinity;
  let seen = Infinity;
  for (let round = 0; round < 5; round++) {
    const url = new URL(`../../src/redact/outbound.ts?instance=${round}`, import.meta.url).href;
    const gate = ((await import(url)) as { guardOutbound: Gate }).guardOutbound;
    for (const d of warm) gate(d, 'diagnosis');
    const timed = () => {
      const started = performance.now();
      for (const d of diagnoses) gate(d, 'diagnosis');
      return (performance.now() - started) / diagnoses.length;
    };
    firstSight = Math.min(firstSight, timed());
    seen = Math.min(seen, timed());
  }
  console.log(`outbound gate, Diagnosis ${firstSight.toFixed(4)} ms for a new paste, ${seen.toFixed(4)} ms for one seen before (${diagnoses.length} held-out pastes)`);
}
