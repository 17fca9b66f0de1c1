import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledEntry } from '../../src/catalog';
import type { ClientId } from '../../src/contracts';
import { createDoctor } from '../../src/doctor';
import { CLIENTS } from '../../src/knowledge/clients';
import { loadCorpus } from '../support/corpus';

/**
 * The first message's size over the labelled real pastes in test/fixtures/ (issue 11's budget:
 * median ≤ 700 characters and ≤ 12 lines, p90 ≤ 1,100), and how often an answer shows a step
 * meant for another client. Figures only; nothing here fails a build.
 */
export interface RepliesBench {
  pastes: number;
  chars: { median: number; p90: number; max: number };
  lines: { median: number; p90: number };
  /** Slack's thread pane: visible text wrapped at about 60 characters, link targets left out. */
  threadLines: { median: number; p90: number };
  /** Pastes whose client the label names and the catalogue knows. */
  knownClient: number;
  /** Of those, answers (reply or details) holding a step tagged for other clients only than the labelled one. */
  otherClientSteps: number;
  /** Pastes whose client the bot detected. */
  detectedClient: number;
  /** Of those, answers holding a step tagged for other clients only than the detected one (the rendering's own mistakes). */
  otherThanDetected: number;
  /** Answers to people not on Claude Code whose steps mention Claude Code (a text check, for untagged steps). */
  notClaudeCode: number;
  claudeCodeWording: number;
  /** Answers to people whose client builds no request in their own code (Claude Code, the apps and CLI agents). */
  notCode: number;
  /** Of those, answers with a step only code can act on (the `code` group's fixCue in catalog/clients.yaml: a retry policy, SDK calls). */
  codeOnlyWording: number;
  /** Answers that end in a question about the client. */
  questions: number;
}

/** Clients whose users write the request themselves, and the wording only they can act on. */
const CODE_CLIENTS = new Set(CLIENTS.groups.get('code') ?? []);
const CODE_ONLY = CLIENTS.groupFixCues.find((c) => c.id === 'code')?.re ?? /(?!)/;

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

/** Labels the fixtures use for a client, where they are not the client's id. */
const LABELS: Readonly<Record<string, string>> = {
  'python-sdk': 'python',
  'ts-sdk': 'typescript',
  roo: 'cline',
  'roo-code': 'cline',
  kilo: 'cline',
  'kilo-code': 'cline',
};

function labelledClient(label: string): ClientId | null {
  const id = LABELS[label] ?? label;
  return CLIENTS.byId.has(id) ? (id as ClientId) : null;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), max: sorted.at(-1) ?? 0 };
};

/** Lines a Slack thread pane shows for this markdown: link targets and fences dropped, wrapped at 60. */
function threadPaneLines(markdown: string): number {
  return markdown
    .replace(/\]\([^)]*\)/g, ']')
    .split('\n')
    .filter((l) => !/^`{3,}/.test(l))
    .reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 60)), 0);
}

/** Steps in this text that the catalogue meant for other clients only. */
function foreignSteps(entry: CompiledEntry | undefined, client: ClientId, text: string): boolean {
  return (entry?.fix ?? []).some((s) => s.for !== null && !s.for.includes(client) && text.includes(s.text));
}

export async function benchReplies(): Promise<RepliesBench> {
  const doctor = createDoctor({ now: () => new Date('2026-12-07T12:00:00Z') });
  const byId = new Map(doctor.catalog.map((e) => [e.id, e]));
  const sets = readdirSync(FIXTURES).filter((f) => f.endsWith('.jsonl'));
  const chars: number[] = [];
  const lines: number[] = [];
  const thread: number[] = [];
  let pastes = 0;
  let knownClient = 0;
  let otherClientSteps = 0;
  let detectedClient = 0;
  let otherThanDetected = 0;
  let notClaudeCode = 0;
  let claudeCodeWording = 0;
  let notCode = 0;
  let codeOnlyWording = 0;
  let questions = 0;
  for (const set of sets) {
    for (const c of loadCorpus(set)) {
      const d = await doctor.diagnose({ platform: 'test', text: c.text });
      pastes += 1;
      chars.push(d.reply.length);
      lines.push(d.reply.split('\n').length);
      thread.push(threadPaneLines(d.reply));
      if (d.document.question) questions += 1;
      const client = labelledClient(c.client);
      const shown = `${d.reply}\n${d.details}`;
      if (d.client) {
        detectedClient += 1;
        if (foreignSteps(d.entry ? byId.get(d.entry) : undefined, d.client, shown)) otherThanDetected += 1;
      }
      if (client) {
        knownClient += 1;
        if (foreignSteps(d.entry ? byId.get(d.entry) : undefined, client, shown)) otherClientSteps += 1;
      }
      if (client && client !== 'claude-code' && client !== 'agent-sdk') {
        notClaudeCode += 1;
        if (d.document.fix.some((s) => /\bClaude Code\b/.test(s))) claudeCodeWording += 1;
      }
      if (client && !CODE_CLIENTS.has(client)) {
        notCode += 1;
        if (d.document.fix.some((s) => CODE_ONLY.test(s))) codeOnlyWording += 1;
      }
    }
  }
  await doctor.close();
  const c = stats(chars);
  const l = stats(lines);
  const t = stats(thread);
  return {
    pastes,
    chars: c,
    lines: { median: l.median, p90: l.p90 },
    threadLines: { median: t.median, p90: t.p90 },
    knownClient,
    otherClientSteps,
    detectedClient,
    otherThanDetected,
    notClaudeCode,
    claudeCodeWording,
    notCode,
    codeOnlyWording,
    questions,
  };
}

export function printRepliesBench(r: RepliesBench): void {
  const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)} %` : '—');
  console.log(`first message (reply) over ${r.pastes} labelled pastes in test/fixtures/`);
  console.log(`  characters        median ${r.chars.median}, p90 ${r.chars.p90}, max ${r.chars.max}   (budget: median ≤ 700, p90 ≤ 1100)`);
  console.log(`  markdown lines    median ${r.lines.median}, p90 ${r.lines.p90}   (budget: median ≤ 12)`);
  console.log(`  Slack thread pane median ${r.threadLines.median}, p90 ${r.threadLines.p90} lines (about 60 characters a line)`);
  console.log(`  another client's steps (tagged), client detected: ${r.otherThanDetected} of ${r.detectedClient} (${pct(r.otherThanDetected, r.detectedClient)})   (target 0)`);
  // Against the label: where detection named another client than the thread's (aider on LiteLLM, the Agent SDK running Claude Code).
  console.log(`  another client's steps (tagged), against the labelled client: ${r.otherClientSteps} of ${r.knownClient} (${pct(r.otherClientSteps, r.knownClient)})`);
  console.log(`  steps naming Claude Code to users of other clients (text check): ${r.claudeCodeWording} of ${r.notClaudeCode} (${pct(r.claudeCodeWording, r.notClaudeCode)})`);
  console.log(`  code-only wording (retry policy, SDK calls) to app/CLI users: ${r.codeOnlyWording} of ${r.notCode} (${pct(r.codeOnlyWording, r.notCode)})`);
  console.log(`  replies asking which client: ${r.questions}`);
}
