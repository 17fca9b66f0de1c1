/**
 * `npx tsx test/support/redaction-cost.ts`: what redaction costs per paste on the dev corpus
 * (test/fixtures/dev-corpus.jsonl): `redactSecrets` on each paste, and — where the outbound gate
 * exists — the gate over each finished Diagnosis. Median of several rounds; a figure, never asserted.
 */
import { createDoctor } from '../../src/doctor';
import * as redact from '../../src/redact';
import { loadCorpus } from './corpus';

const texts = loadCorpus().map((c) => c.text);
const ROUNDS = 15;
const REPEAT = 40;

function msPerItem<T>(items: readonly T[], work: (item: T) => unknown): number {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now();
    for (let i = 0; i < REPEAT; i++) for (const item of items) work(item);
    rounds.push((performance.now() - started) / (REPEAT * items.length));
  }
  rounds.sort((a, b) => a - b);
  return rounds[Math.floor(rounds.length / 2)]!;
}

const kb = texts.reduce((n, t) => n + t.length, 0) / texts.length / 1024;
console.log(`dev corpus: ${texts.length} pastes, ${kb.toFixed(2)} KB on average`);
console.log(`redactSecrets           ${msPerItem(texts, (t) => redact.redactSecrets(t)).toFixed(4)} ms per paste`);

const gate = (redact as Record<string, unknown>).guardOutbound as ((value: unknown, exit: string) => unknown) | undefined;
if (gate) {
  const doctor = createDoctor();
  const diagnoses = await Promise.all(texts.map((text) => doctor.diagnose({ platform: 'test', text })));
  console.log(`outbound gate, Diagnosis ${msPerItem(diagnoses, (d) => gate(d, 'diagnosis')).toFixed(4)} ms per paste`);
}
