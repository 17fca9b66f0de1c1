/**
 * The comparison harness for catalogue changes that must not change any answer (catalogue v2 was
 * converted under it). Writes or checks the top answer — entry, category, status, type and whether
 * it is confident (no "Possibly:") — for every shipped text.
 *   npx tsx test/support/answers.ts --save FILE    # record today's answers
 *   npx tsx test/support/answers.ts --check FILE [--deliberate CHANGES.json]
 *       # lists every text whose answer differs; exit 1 if any differs other than as CHANGES.json says
 * Catalogue v2: `--check test/support/answers-v1.jsonl --deliberate test/support/answers-v1-deliberate.json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadCatalog } from '../../src/catalog';
import { createDoctor } from '../../src/doctor';
import { CONFIDENT } from '../../src/match';
import { shippedTexts } from './shipped-texts';

export interface Answer {
  key: string;
  entry: string | null;
  category: string;
  status: number | null;
  type: string | null;
  confident: boolean;
}

export async function currentAnswers(): Promise<Answer[]> {
  const catalog = loadCatalog();
  const doctor = createDoctor({ catalog, now: () => new Date('2026-11-25T12:00:00Z') });
  const out: Answer[] = [];
  for (const t of shippedTexts(catalog)) {
    const d = await doctor.diagnose({ platform: 'test', text: t.text });
    out.push({ key: t.key, entry: d.entry, category: d.category, status: d.status, type: d.type, confident: d.confidence >= CONFIDENT });
  }
  return out;
}

const same = (a: Answer, b: Answer) =>
  a.entry === b.entry && a.category === b.category && a.status === b.status && a.type === b.type && a.confident === b.confident;

/**
 * A deliberate change of the answer to a text: the entry, and — when the change is a decision about
 * what the paste is (the scope decision: "I don't recognise this" → "not from Claude's API") — the
 * category, status, type or confidence it now has; what it does not name stays as recorded.
 */
export type Deliberate = Record<string, { entry: string | null; reason: string } & Partial<Pick<Answer, 'category' | 'status' | 'type' | 'confident'>>>;

export function compareAnswers(before: readonly Answer[], after: readonly Answer[], deliberate: Deliberate = {}): string[] {
  const now = new Map(after.map((a) => [a.key, a]));
  const diffs: string[] = [];
  for (const recorded of before) {
    const a = now.get(recorded.key);
    const change = deliberate[recorded.key];
    const b = change ? { ...recorded, ...Object.fromEntries(Object.entries(change).filter(([k]) => k !== 'reason')) } : recorded;
    if (!a) diffs.push(`${b.key}: missing now`);
    else if (!same(a, b)) diffs.push(`${b.key}: ${JSON.stringify(b)} → ${JSON.stringify(a)}`);
  }
  const known = new Set(before.map((b) => b.key));
  for (const a of after) if (!known.has(a.key)) diffs.push(`${a.key}: new text (not in the record)`);
  return diffs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [flag, file, deliberateFlag, deliberateFile] = process.argv.slice(2);
  if ((flag !== '--save' && flag !== '--check') || !file) {
    console.error('usage: npx tsx test/support/answers.ts --save FILE | --check FILE');
    process.exit(2);
  }
  const answers = await currentAnswers();
  if (flag === '--save') {
    writeFileSync(file, answers.map((a) => JSON.stringify(a)).join('\n') + '\n');
    console.log(`${answers.length} answers written to ${file}`);
  } else {
    const before = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Answer);
    const deliberate: Deliberate = deliberateFlag === '--deliberate' && deliberateFile ? JSON.parse(readFileSync(deliberateFile, 'utf8')) : {};
    const diffs = compareAnswers(before, answers, deliberate);
    for (const d of diffs) console.log(d);
    console.log(`${answers.length} texts, ${Object.keys(deliberate).length} deliberate changes, ${diffs.length} other answers changed`);
    process.exitCode = diffs.length === 0 ? 0 : 1;
  }
}
