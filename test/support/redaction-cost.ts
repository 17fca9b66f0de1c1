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

const kb = texts.reduce((n, t) => n + t.length, 0) / texts.length / 1024;
console.log(`dev corpus: ${texts.length} pastes, ${kb.toFixed(2)} KB on average`);
console.log(`redactSecrets           ${msPerItem(texts, (t) => redact.redactSecrets(t)).toFixed(4)} ms per paste`);

const gate = (redact as Record<string, unknown>).guardOutbound as ((value: unknown, exit: string) => unknown) | undefined;
if (gate) {
  // The gate remembers text it found clean (the catalogue's, mostly), so it is timed on Diagnoses it
  // has not seen: every held-out paste once, after the dev corpus as a warm-up.
  const doctor = createDoctor();
  for (const text of texts) gate(await doctor.diagnose({ platform: 'test', text }), 'diagnosis');
  const heldOut = readdirSync(fileURLToPath(new URL('../fixtures/', import.meta.url))).filter((f) => f.startsWith('holdout'));
  const diagnoses = [];
  for (const file of heldOut) for (const c of loadCorpus(file)) diagnoses.push(await doctor.diagnose({ platform: 'test', text: c.text }));
  const started = performance.now();
  for (const d of diagnoses) gate(d, 'diagnosis');
  const firstSight = (performance.now() - started) / diagnoses.length;
  console.log(`outbound gate, Diagnosis ${firstSight.toFixed(4)} ms per paste (${diagnoses.length} held-out pastes, first sight; the doctor already gated them once)`);
}
