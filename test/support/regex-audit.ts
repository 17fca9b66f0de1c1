/**
 * Finds regexes that run in super-linear time on pasted text. Every regex the rules path, the
 * renderers and the adapters' text helpers execute on the labelled pastes is recorded (with where it
 * ran), then each is run on "pumped" strings — one character or a short piece repeated, after a
 * literal the regex needs — at two lengths. A regex whose time grows by clearly more than the length
 * ratio is listed with its worst input. A dev tool, not a test: timings are never asserted.
 *
 *   npx tsx test/support/regex-audit.ts            # every regex seen on the corpus + the catalogue
 *   npx tsx test/support/regex-audit.ts --catalog  # the catalogue's patterns only
 */
import { loadCatalog } from '../../src/catalog';
import { createDoctor } from '../../src/doctor';
import { loadCorpus } from './corpus';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

interface Seen {
  re: RegExp;
  where: string;
}

const seen = new Map<string, Seen>();
const originalExec = RegExp.prototype.exec;
const marked = new WeakSet<RegExp>();

/** Records each regex once, with the first source frame outside this file that ran it. */
let recording = false;
function record(re: RegExp): void {
  if (recording || marked.has(re)) return;
  marked.add(re);
  recording = true;
  try {
    remember(re);
  } finally {
    recording = false;
  }
}

function remember(re: RegExp): void {
  const key = `/${re.source}/${re.flags}`;
  if (seen.has(key)) return;
  const frame = (new Error().stack ?? '').split('\n').find((l) => /\/(src|adapters)\//.test(l) && !l.includes('regex-audit')) ?? '';
  const where = /\/((?:src|adapters)\/[^:)]+:\d+)/.exec(frame)?.[1] ?? '?';
  seen.set(key, { re, where });
}

async function collect(): Promise<void> {
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    record(this);
    return originalExec.call(this, s);
  };
  try {
    const doctor = createDoctor({ now: () => new Date('2026-11-25T12:00:00Z') });
    const fixtures = fileURLToPath(new URL('../fixtures', import.meta.url));
    const texts = readdirSync(fixtures)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => loadCorpus(f).map((c) => c.text));
    for (const e of doctor.catalog) texts.push(...e.examples.match, ...e.examples.nomatch);
    const { slackTextToPlain } = await import('../../adapters/slack/slack-text');
    const { renderReply } = await import('../../adapters/slack/render');
    for (const text of texts) {
      const d = await doctor.diagnose({ platform: 'test', text: slackTextToPlain(text) });
      renderReply(d.document, { audience: 'dm' });
    }
  } finally {
    RegExp.prototype.exec = originalExec;
  }
}

/** Regex literals written in src/ and adapters/ that the corpus did not happen to run. */
function literalsInSource(): Seen[] {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const out: Seen[] = [];
  const files = ['src', 'adapters'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, dir, f)),
  );
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const end = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        out.push({ re: new RegExp(text.slice(1, end), text.slice(end + 1)), where: `${relative(root, file)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** Pieces that, repeated, make common regex shapes backtrack: runs of one class, separators, escapes. */
const PIECES = [
  '6', 'a', 'A', 'Z', '_', '-', '.', ',', ' ', '\t', '\n', '"', "'", '\\', ':', '{', '}', '[', '(', ')', '/', '|', '=', '&',
  ';', '#', '<', '>', '*', '`', '@', '+', '!', '%', 'é', '\u00a0', '1,', '6 ', 'a ', 'a.', 'a-', 'a_', 'a:', '\\n', '\\"',
  '\\u', '\\u00', '": "', 'a=', 'Aa', '0x', '1.',
];

/** Literal runs a regex needs (`prompt is too long: `), used as prefixes so anchored regexes get past their start. */
function prefixes(source: string): string[] {
  const words = source
    .replace(/\\[dDwWsSbB]|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\[[^\]]*\]|\(\?[:=!<]+|[()?*+{}|^$]|\{\d+(?:,\d*)?\}/g, '\u0000')
    .replace(/\\(.)/g, '$1')
    .split('\u0000')
    .filter((w) => w.trim().length >= 3);
  return ['', ...new Set(words)].slice(0, 8);
}

function timeOnce(re: RegExp, text: string): number {
  const copy = new RegExp(re.source, re.flags);
  const t0 = performance.now();
  if (copy.global || copy.sticky) {
    let guard = 0;
    for (let m = originalExec.call(copy, text); m && guard < 1e6; m = originalExec.call(copy, text), guard++) {
      if (m[0] === '') copy.lastIndex++;
    }
  } else originalExec.call(copy, text);
  return performance.now() - t0;
}

interface Finding {
  key: string;
  where: string;
  input: string;
  msAt20k: number;
  growth: number;
}

/** The worst pumped input for one regex: time at 10k and 20k repetitions, and their ratio. */
function audit(key: string, re: RegExp, where: string): Finding | null {
  let worst: Finding | null = null;
  for (const prefix of prefixes(re.source)) {
    for (const piece of PIECES) {
      const small = prefix + piece.repeat(Math.ceil(2_500 / piece.length));
      if (timeOnce(re, small) < 0.5) continue; // linear regexes stay far below this on 2.5k
      const t1 = timeOnce(re, prefix + piece.repeat(Math.ceil(10_000 / piece.length)));
      const t2 = timeOnce(re, prefix + piece.repeat(Math.ceil(20_000 / piece.length)));
      const growth = t2 / Math.max(t1, 0.01);
      if (t2 > 20 && growth > 2.8 && (!worst || t2 > worst.msAt20k)) {
        worst = { key, where, input: `${JSON.stringify(prefix)} + ${JSON.stringify(piece)} × 20k chars`, msAt20k: t2, growth };
      }
    }
  }
  return worst;
}

const catalogOnly = process.argv.includes('--catalog');
const targets: Seen[] = [];
if (!catalogOnly) {
  await collect();
  targets.push(...seen.values());
  for (const lit of literalsInSource()) if (!seen.has(`/${lit.re.source}/${lit.re.flags}`)) targets.push(lit);
}
for (const entry of loadCatalog()) {
  for (const [i, rule] of entry.match.entries()) {
    for (const re of [rule.pattern, rule.unless]) {
      const key = `/${re?.source}/${re?.flags}`;
      if (re && !targets.some((t) => `/${t.re.source}/${t.re.flags}` === key)) targets.push({ re, where: `catalog/entries/${entry.id}.yaml match[${i}]` });
      else if (re) targets.find((t) => `/${t.re.source}/${t.re.flags}` === key)!.where = `catalog/entries/${entry.id}.yaml match[${i}]`;
    }
  }
}
console.log(`auditing ${targets.length} regexes`);
const findings: Finding[] = [];
for (const t of targets) {
  const f = audit(`/${t.re.source}/${t.re.flags}`, t.re, t.where);
  if (f) {
    findings.push(f);
    console.log(`SUPER-LINEAR  ${f.where}\n  ${f.key.slice(0, 300)}\n  input ${f.input}: ${f.msAt20k.toFixed(0)} ms, ×${f.growth.toFixed(1)} for ×2 length`);
  }
}
console.log(`${findings.length} super-linear of ${targets.length}`);
