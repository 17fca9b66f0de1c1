/**
 * The one-off converter that produced catalogue v2 (issue 10), kept so the conversion can be read
 * and re-run: `npx tsx test/support/convert-catalogue-v2.ts [--write]`.
 *
 * It reads the v1 entries from git (commit d4b7d30, where every rule had a hand-set confidence and
 * ties fell to file order) and the answers recorded on that commit (test/support/answers-v1.jsonl),
 * and writes v2 entries whose top answer is the same on every shipped text:
 * 1. each rule's tier comes from its v1 band: ≥ 0.85 `exact`, 0.6–0.85 `shape`, below `hint` —
 *    monotonic, so no top answer crosses the CONFIDENT bar;
 * 2. where the v1 winner and a runner-up fire in the same tier, the winner gets an `outranks` edge;
 * 3. dead weight goes, greedily, re-solving after each step: rules that decide no text, and veto
 *    alternatives without which every answer stays the same (a cross-entry veto becomes an edge);
 * 4. edges implied by others are dropped (transitive reduction);
 * 5. every rule names the texts it decides, every veto the texts it blocks;
 * 6. copies of a named pattern (catalog/patterns.yaml) become `(?&name)`.
 * Without --write it prints the figures only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CATALOG_DIR, namedPatterns } from '../../src/catalog';
import type { Signals } from '../../src/contracts';
import { analyzeText } from '../../src/doctor';
import { Matcher } from '../../src/match';
import { splitTopLevel } from '../../src/scan';
import type { Answer } from './answers';
import { contractTexts } from './contract-texts';
import { loadCorpus } from './corpus';
import { LABELLED_SETS } from './shipped-texts';

const BASE = 'd4b7d30';
const ROOT = join(CATALOG_DIR, '..');
const NOW = new Date('2026-11-25T12:00:00Z');
type Tier = 'exact' | 'shape' | 'hint';
const RANK: Record<Tier, number> = { exact: 3, shape: 2, hint: 1 };
const tierOf = (confidence: number): Tier => (confidence >= 0.85 ? 'exact' : confidence >= 0.6 ? 'shape' : 'hint');

/**
 * Deliberate changes (answers-v1-deliberate.json): two v1 answers were decided by file order or by a
 * decimal tuned against another entry, and the more specific entry lost. Same category, status and type.
 */
const DELIBERATE = JSON.parse(readFileSync(join(ROOT, 'test/support/answers-v1-deliberate.json'), 'utf8')) as Record<string, { entry: string; reason: string }>;

/**
 * A `why` for the v1 rules that had none and survive (key: entry#v1 rule index); `--explain` prints
 * a rule's why, so every rule has one. The three vetoes that stay say in their rule's why what they guard.
 */
const WHY_ADDED: Record<string, string> = {
  'api-error-500#1': 'the API\'s own 500 body (api_error): an unexpected error inside the API',
  'api-error-500#7': 'a bare 500 from a paste that carries Anthropic marks (request id, docs URL, SDK names)',
  'bedrock-malformed-body#1': "Bedrock's own wording when the request body does not match the Anthropic Messages schema it expects",
  'claude-subscription-limit#6': "Claude Code's message when a subscription's extra usage is used up",
  'connection-error#2': "the SDKs' APIConnectionError with network wording, outside Bedrock and Vertex",
  'deepseek-error#0': "DeepSeek's names and wording, and nothing that only Claude errors carry",
  'httpx-proxies-argument#1': "httpx 0.28 removed `proxies`; old anthropic SDKs still pass it when they build their client",
  'invalid-api-key#5': 'a 401 that names the key (api key, x-api-key, unauthorized) in a paste with Anthropic marks',
  'invalid-field-type#2': 'the API\'s "Field required" for a field of a message or a content block',
  'invalid-request#2': "the SDKs' BadRequestError with nothing more specific: some 400 — a guess",
  'local-runtime-error#2': 'the runtime ran out of memory (Node heap, Python MemoryError) before any HTTP answer',
  'model-not-found#2': 'a not_found_error whose message names a model',
  'not-found-path#4': 'a 404 with Anthropic marks that names no model: a wrong path or resource id; not a 404 from Google\'s APIs (NOT_FOUND is their status word)',
  'not-found-path#3': 'a 404 not_found_error whose message is not about a model — wrong path or resource id (client configuration); "model: <id>" is the API\'s model 404',
  'openrouter-error#3': "OpenRouter's names and wording, and nothing that only Claude errors carry",
  'overloaded#1': "the API's overloaded_error type (HTTP 529, or an error event in a stream)",
  'rate-limit#2': "the API's 429 rate_limit_error",
  'rate-limit#5': 'a 429 whose wording is about request rate (too many requests, rate limit)',
  'region-not-supported#1': 'the API\'s 403 "Request not allowed": requests from a country or region Anthropic does not serve',
  'request-too-large#3': 'a 413: the request body is over the size limit (32 MB for the Messages API)',
  'sampling-params-unsupported#1': 'the API refuses temperature / top_p / top_k for a model that no longer takes them',
  'sdk-not-installed#0': "Python's and Node's own words for a missing anthropic package",
  'service-unavailable-503#3': 'a 502 or 503 with Anthropic marks: a gateway in front of the API had no healthy upstream',
  'service-unavailable-503#4': 'the status line of a 502 / 503 (Bad Gateway, Service Unavailable)',
  'thinking-must-lead#2': 'the API\'s wording when extended thinking is on and the last assistant turn does not start with a thinking block',
  'thinking-signature-invalid#0': "the API's wording for a thinking block whose signature does not verify",
  'unsupported-request-field#3': 'a top-level field the Messages API does not take ("<field>: Extra inputs are not permitted"); a field inside messages.N.content.M is a content block\'s (content-block-extra-field), unless it is cache_control',
  'vertex-quota-exceeded#1': "Vertex AI's RESOURCE_EXHAUSTED: a per-project, per-region quota",
  'vertex-quota-exceeded#3': 'a 429 on Vertex AI that names a quota',
  // Provider names moved to catalog/providers.yaml, which says what each cue finds.
  'other-provider-error#2': 'vLLM named by its own server flags, and nothing that only Claude errors carry: a self-hosted vLLM server answered',
  'other-provider-error#5': "Moonshot's API or a Kimi model named as the endpoint in use: Kimi's validator words its own errors",
  'other-provider-error#6': "MiniMax's API or a MiniMax-M model named as the endpoint in use: Claude Code's status line (even a 529 'Overloaded') reports MiniMax's answer",
  // The SDKs' classes for a status, answered from the class and status when the response had no body.
  'api-error-500#6': "the SDKs' InternalServerError for a 500: an unexpected error inside the API",
  'conflict-409#1': 'a 409: the request conflicts with the current state of a resource',
  'rate-limit#4': "the SDKs' RateLimitError (429), also when the response had no body",
  'billing-error#2': 'a 402 in a paste with Anthropic marks (the Python SDK raises it as a plain APIStatusError): billing',
  'invalid-api-key#4': "the SDKs' AuthenticationError (401) in a paste with Anthropic marks",
  'permission-denied#3': "the SDKs' PermissionDeniedError (403) in a paste with Anthropic marks",
  'timeout-504#3': 'a 504 with Anthropic marks: the API (or a gateway in front of it) timed out',
  'timeout-504#0': "the API's 504 timeout_error: the request timed out while the API processed it",
};

/** Clauses of v1 whys that described a veto or a decimal that v2 no longer has (precedence is in `outranks` now). */
const STALE_CLAUSES: [entry: string, clause: string][] = [
  ['deepseek-error', '; an Anthropic request id would say otherwise'],
  ['other-provider-error', ', an Anthropic request id would'],
  ['other-provider-error', '; outranks the status-only overloaded rule'],
  [
    'relay-fake-overload',
    ". Not when Claude Code's 5xx banner already names the inference gateway (the server-error entry answers that, keeping the status), and not a reporter's next line after an English message",
  ],
];

// ---------- v1 catalogue, read from git ----------

interface OldRule {
  raw: Record<string, unknown>;
  confidence: number;
  pattern?: RegExp;
  keywords?: string[];
  allKeywords?: string[];
  alternatives: string[];
}
interface OldEntry {
  id: string;
  file: string;
  text: string;
  data: Record<string, unknown> & { examples: { match: string[]; nomatch?: string[] }; category: string };
  rules: OldRule[];
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
const list = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

function readV1(): OldEntry[] {
  const files = git('ls-tree', '--name-only', `${BASE}:catalog/entries`).split('\n').filter((f) => f.endsWith('.yaml')).sort();
  return files.map((file) => {
    const text = git('show', `${BASE}:catalog/entries/${file}`);
    const data = parse(text) as OldEntry['data'];
    const rules = (data.match as Record<string, unknown>[]).map((raw) => ({
      raw,
      confidence: raw.confidence as number,
      pattern: raw.pattern === undefined ? undefined : new RegExp(raw.pattern as string, 'i'),
      keywords: (raw.keywords as string[] | undefined)?.map((k) => k.toLowerCase()),
      allKeywords: (raw.allKeywords as string[] | undefined)?.map((k) => k.toLowerCase()),
      alternatives: raw.unless === undefined ? [] : splitTopLevel(raw.unless as string),
    }));
    return { id: data.id as string, file, text, data, rules };
  });
}

const has = <T>(l: readonly T[] | undefined, v: T | null) => l === undefined || (v !== null && l.includes(v));
function holds(rule: OldRule, s: Signals, text: string, lower: string): boolean {
  const r = rule.raw;
  if (!has(list(r.status as number), s.status) || !has(list(r.type as string), s.type)) return false;
  if (!has(list(r.sdkException as string), s.sdkException) || !has(list(r.errorCode as string), s.errorCode)) return false;
  if (!has(list(r.client as string), s.client)) return false;
  if (r.cloud !== undefined && !list(r.cloud as string)!.includes(s.cloud ?? 'none')) return false;
  if (r.hasStatus !== undefined && r.hasStatus !== (s.status !== null)) return false;
  if (r.retryAfter === 'present' && s.retryAfterSeconds === null) return false;
  if (r.retryAfter === 'absent' && (!s.headersPresent || s.retryAfterSeconds !== null)) return false;
  if (r.anthropicEvidence !== undefined && r.anthropicEvidence !== s.anthropicEvidence) return false;
  if (!has(list(r.foreignProvider as string), s.foreignProvider)) return false;
  if (rule.keywords && !rule.keywords.some((k) => lower.includes(k))) return false;
  if (rule.allKeywords && !rule.allKeywords.every((k) => lower.includes(k))) return false;
  return !rule.pattern || rule.pattern.test(text);
}

// ---------- the texts and what each rule does on them ----------

interface Text {
  key: string;
  /** Expected top entry (index) and its tier rank; -1 / 0 when nothing answers. */
  want: number;
  wantRank: number;
  /** Rules whose conditions hold: global rule id and the veto alternatives that match. */
  hits: { rule: number; alts: number[] }[];
}

const entries = readV1();
const rules = entries.flatMap((e, ei) => e.rules.map((r, ri) => ({ entry: ei, index: ri, rule: r, tier: tierOf(r.confidence) })));
const entryIndex = new Map(entries.map((e, i) => [e.id, i]));
const baseline = new Map(
  readFileSync(join(ROOT, 'test/support/answers-v1.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Answer)
    .map((a) => [a.key, a]),
);

function shipped(): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const e of entries) {
    e.data.examples.match.forEach((text, i) => out.push({ key: `${e.id}/match/${i}`, text }));
    (e.data.examples.nomatch ?? []).forEach((text, i) => out.push({ key: `${e.id}/nomatch/${i}`, text }));
  }
  for (const set of LABELLED_SETS) for (const c of loadCorpus(set)) out.push({ key: `corpus/${c.id}`, text: c.text });
  for (const c of contractTexts()) out.push({ key: c.key, text: c.text });
  return out;
}

const empty = new Matcher([]);
let mismatchesV1 = 0;
const texts: Text[] = shipped().map(({ key, text }) => {
  const a = analyzeText(text, empty, NOW);
  const hits: Text['hits'] = [];
  if (a.normalized.flat !== '') {
    rules.forEach((r, id) => {
      if (!holds(r.rule, a.signals, a.extraction.focus, a.extraction.focusLower)) return;
      const alts = r.rule.alternatives.flatMap((alt, k) => (new RegExp(alt, 'i').test(a.extraction.focus) ? [k] : []));
      hits.push({ rule: id, alts });
    });
  }
  // Check the reading of v1 against the recorded answers: v1's own ranking (confidence, then file order).
  const best = new Map<number, number>();
  for (const h of hits) if (h.alts.length === 0) best.set(rules[h.rule]!.entry, Math.max(best.get(rules[h.rule]!.entry) ?? 0, rules[h.rule]!.rule.confidence));
  const v1 = [...best.entries()].sort(([ea, a], [eb, b]) => b - a || ea - eb)[0];
  const recorded = baseline.get(key);
  if (!recorded) throw new Error(`${key}: not in answers-v1.jsonl`);
  if ((v1 ? entries[v1[0]]!.id : null) !== recorded.entry || (v1 ? v1[1] >= 0.6 : false) !== recorded.confident) mismatchesV1++;
  const wantEntry = DELIBERATE[key]?.entry ?? recorded.entry;
  const want = wantEntry === null ? -1 : entryIndex.get(wantEntry)!;
  // The wanted entry's tier: that of its best unvetoed v1 rule.
  const wantRank = want < 0 ? 0 : Math.max(0, ...hits.filter((h) => h.alts.length === 0 && rules[h.rule]!.entry === want).map((h) => RANK[rules[h.rule]!.tier]));
  return { key, want, wantRank, hits };
});
if (mismatchesV1 > 0) throw new Error(`the converter reads v1 differently from the recorded answers on ${mismatchesV1} texts`);

// ---------- solving: which edges a state needs, and whether it keeps every answer ----------

interface State {
  ruleOn: boolean[];
  /** Per rule, the veto alternatives still in force. */
  altOn: boolean[][];
}

interface Solution {
  ok: boolean;
  edges: Set<string>;
  /** Per text: for each entry, its best rank. */
  problem?: string;
}

function ranksOn(t: Text, s: State): Map<number, number> {
  const best = new Map<number, number>();
  for (const h of t.hits) {
    if (!s.ruleOn[h.rule] || h.alts.some((k) => s.altOn[h.rule]![k])) continue;
    const r = rules[h.rule]!;
    best.set(r.entry, Math.max(best.get(r.entry) ?? 0, RANK[r.tier]));
  }
  return best;
}

function solve(s: State): Solution {
  const edges = new Set<string>();
  for (const t of texts) {
    const best = ranksOn(t, s);
    if (t.want < 0) {
      if (best.size > 0) return { ok: false, edges, problem: `${t.key}: answered, v1 did not` };
      continue;
    }
    if (best.get(t.want) !== t.wantRank) return { ok: false, edges, problem: `${t.key}: ${entries[t.want]!.id} tier changed` };
    for (const [e, rank] of best) {
      if (e === t.want) continue;
      if (rank > t.wantRank) return { ok: false, edges, problem: `${t.key}: ${entries[e]!.id} fires stronger than ${entries[t.want]!.id}` };
      if (rank === t.wantRank) edges.add(`${t.want}>${e}`);
    }
  }
  const cycle = findCycle(edges);
  return cycle ? { ok: false, edges, problem: `cycle ${cycle}` } : { ok: true, edges };
}

function adjacency(edges: Set<string>): Map<number, number[]> {
  const next = new Map<number, number[]>();
  for (const e of edges) {
    const [a, b] = e.split('>').map(Number) as [number, number];
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  return next;
}

function findCycle(edges: Set<string>): string | null {
  const next = adjacency(edges);
  const state = new Map<number, number>();
  const trail: number[] = [];
  const visit = (n: number): string | null => {
    state.set(n, 1);
    trail.push(n);
    for (const m of next.get(n) ?? []) {
      if (state.get(m) === 1) return [...trail.slice(trail.indexOf(m)), m].map((i) => entries[i]!.id).join(' → ');
      if (!state.has(m)) {
        const found = visit(m);
        if (found) return found;
      }
    }
    trail.pop();
    state.set(n, 2);
    return null;
  };
  for (const n of next.keys()) {
    if (state.has(n)) continue;
    const found = visit(n);
    if (found) return found;
  }
  return null;
}

/** True when a path of edges leads from `from` to `to`, leaving out the edge `skip`. */
function reachable(next: Map<number, number[]>, from: number, to: number, skip = ''): boolean {
  const seen = new Set<number>();
  const stack = (next.get(from) ?? []).filter((m) => `${from}>${m}` !== skip);
  while (stack.length) {
    const n = stack.pop()!;
    if (n === to) return true;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...(next.get(n) ?? []));
  }
  return false;
}

/** Drops every edge that a path through other edges already implies. */
function transitiveReduction(edges: Set<string>): Set<string> {
  const next = adjacency(edges);
  const kept = new Set(edges);
  for (const e of [...edges].sort()) {
    const [a, b] = e.split('>').map(Number) as [number, number];
    if (reachable(next, a, b, e)) {
      kept.delete(e);
      next.set(a, (next.get(a) ?? []).filter((m) => m !== b));
    }
  }
  return kept;
}

// ---------- pruning ----------

const state: State = { ruleOn: rules.map(() => true), altOn: rules.map((r) => r.rule.alternatives.map(() => true)) };
const first = solve(state);
if (!first.ok) throw new Error(`v1 with tiers cannot be ordered: ${first.problem}`);
const edgesBefore = first.edges.size;

/** Texts on which a rule is its winning entry's only rule in the winning tier. */
function decides(s: State, id: number): string[] {
  const r = rules[id]!;
  const out: string[] = [];
  for (const t of texts) {
    if (t.want !== r.entry || RANK[r.tier] !== t.wantRank) continue;
    const firing = t.hits.filter((h) => s.ruleOn[h.rule] && !h.alts.some((k) => s.altOn[h.rule]![k]) && rules[h.rule]!.entry === r.entry && RANK[rules[h.rule]!.tier] === t.wantRank);
    if (firing.length === 1 && firing[0]!.rule === id) out.push(t.key);
  }
  return out;
}

function pruneRules(): number {
  let removed = 0;
  const usage = (id: number) => texts.filter((t) => t.want === rules[id]!.entry && t.hits.some((h) => h.rule === id && h.alts.length === 0)).length;
  const order = rules
    .map((r, id) => ({ id, usage: usage(id), why: r.rule.raw.why !== undefined }))
    .sort((a, b) => a.usage - b.usage || Number(a.why) - Number(b.why) || b.id - a.id);
  for (const { id } of order) {
    if (!state.ruleOn[id]) continue;
    state.ruleOn[id] = false;
    if (solve(state).ok) removed++;
    else state.ruleOn[id] = true;
  }
  return removed;
}

function pruneVetoes(): number {
  let removed = 0;
  rules.forEach((r, id) => {
    if (!state.ruleOn[id]) return;
    r.rule.alternatives.forEach((_, k) => {
      if (!state.altOn[id]![k]) return;
      state.altOn[id]![k] = false;
      if (solve(state).ok) removed++;
      else state.altOn[id]![k] = true;
    });
  });
  return removed;
}

let rounds = 0;
for (;;) {
  rounds++;
  const changed = pruneRules() + pruneVetoes();
  if (changed === 0) break;
}
const final = solve(state);
if (!final.ok) throw new Error(`pruning broke an answer: ${final.problem}`);
const edges = transitiveReduction(final.edges);

// ---------- examples each rule and veto exists for ----------

/** Own examples first, then other entries' examples, then corpus pastes; at most three. */
function pick(keys: string[], owner: string): string[] {
  const score = (k: string) => (k.startsWith(`${owner}/match/`) ? 0 : k.startsWith(`${owner}/`) ? 1 : k.startsWith('corpus/') ? 3 : k.startsWith('contract/') ? 4 : 2);
  return [...keys]
    .sort((a, b) => score(a) - score(b))
    .slice(0, 3)
    .map((k) => (k.startsWith(`${owner}/`) ? k.slice(owner.length + 1) : k));
}

/** Texts the rule's veto (its alternatives in force) blocks: without it, the answer would change. */
function blocks(id: number): string[] {
  const keep = state.altOn[id]!.slice();
  state.altOn[id] = keep.map(() => false);
  const out: string[] = [];
  for (const t of texts) {
    const h = t.hits.find((x) => x.rule === id);
    if (!h || !h.alts.some((k) => keep[k])) continue;
    const r = rules[id]!;
    const before = (() => {
      state.altOn[id] = keep;
      const b = ranksOn(t, state);
      state.altOn[id] = keep.map(() => false);
      return b;
    })();
    const after = ranksOn(t, state);
    const rank = after.get(r.entry)!;
    const top = t.wantRank;
    // The rule would lift its entry above the answer, to the answer's tier without an edge over it, or lift the answer's own tier.
    const edgeOver = r.entry !== t.want && rank === top && edges.has(`${t.want}>${r.entry}`) === false && !reaches(t.want, r.entry);
    if (rank > top || edgeOver || (r.entry === t.want && rank !== before.get(r.entry))) out.push(t.key);
  }
  state.altOn[id] = keep;
  return out;
}

const reaches = (a: number, b: number): boolean => reachable(adjacency(edges), a, b);

// ---------- writing v2 ----------

const named = [...namedPatterns()].map(([name, source]) => ({ name, source }));
/** A pattern, or a top-level alternative of it, that is exactly a named pattern (or a provider's cue) becomes its name. */
const useNames = (alternatives: string[]): string[] => {
  const whole = named.find((n) => n.source === alternatives.join('|'));
  if (whole) return [`(?&${whole.name})`];
  return alternatives.map((alt) => {
    const n = named.find((x) => x.source === alt);
    return n ? `(?&${n.name})` : alt;
  });
};

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
function scalar(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  return /^[\w][\w .,/()-]*$/.test(s) && !/^(?:true|false|null|yes|no|on|off|\d[\d.]*)$/i.test(s) && !s.includes(': ') ? s : JSON.stringify(s);
}
const flow = (items: unknown[]) => `[${items.map(scalar).join(', ')}]`;
function value(key: string, v: unknown): string {
  if (key === 'pattern' || key === 'unless') return quote(String(v));
  if (Array.isArray(v)) return flow(v);
  return scalar(v);
}

interface Written {
  file: string;
  text: string;
  rulesBefore: number;
  rulesAfter: number;
}

const written: Written[] = entries.map((e, ei) => {
  const lines: string[] = [];
  const outranks = [...edges].filter((x) => Number(x.split('>')[0]) === ei).map((x) => entries[Number(x.split('>')[1])]!.id).sort();
  if (outranks.length > 0) lines.push(`outranks: ${flow(outranks)}`, '');
  lines.push('match:');
  rules.forEach((r, id) => {
    if (r.entry !== ei || !state.ruleOn[id]) return;
    const raw = r.rule.raw;
    const keys = Object.keys(raw).filter((k) => !['confidence', 'why', 'unless'].includes(k));
    const body: [string, unknown][] = keys.map((k) => [k, k === 'pattern' ? useNames(splitTopLevel(raw.pattern as string)).join('|') : raw[k]]);
    body.push(['evidence', r.tier]);
    let why = WHY_ADDED[`${e.id}#${r.index}`] ?? (raw.why as string | undefined)?.trim();
    for (const [owner, clause] of STALE_CLAUSES) if (owner === e.id) why = why?.replace(clause, '');
    if (why === undefined) throw new Error(`${e.id}#${r.index}: a rule that stays needs a why`);
    body.push(['why', why]);
    body.push(['examples', pick(decides(state, id), e.id)]);
    const alts = r.rule.alternatives.filter((_, k) => state.altOn[id]![k]);
    if (alts.length > 0) body.push(['unless', useNames(alts).join('|')], ['blocks', pick(blocks(id), e.id)]);
    body.forEach(([k, v], i) => lines.push(`${i === 0 ? '  - ' : '    '}${k}: ${value(k, v)}`));
  });
  // The match block runs from `match:` to the next top-level key; `priority` (used by no entry) goes.
  const text = e.text.replace(/^priority: .*\n/m, '').replace(/^match:\n(?:(?: .*)?\n)*?(?=\S)/m, `${lines.join('\n')}\n\n`);
  return { file: e.file, text, rulesBefore: e.rules.length, rulesAfter: rules.filter((r, id) => r.entry === ei && state.ruleOn[id]).length };
});

// Everything but the match block is unchanged.
for (const w of written) {
  const before = parse(entries.find((e) => e.file === w.file)!.text) as Record<string, unknown>;
  const after = parse(w.text) as Record<string, unknown>;
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (['match', 'priority', 'outranks'].includes(k)) continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) throw new Error(`${w.file}: ${k} changed in writing`);
  }
}

const vetoesBefore = rules.filter((r) => r.rule.alternatives.length > 0).length;
const vetoesAfter = rules.filter((r, id) => state.ruleOn[id] && state.altOn[id]!.some(Boolean)).length;
const altsBefore = rules.reduce((n, r) => n + r.rule.alternatives.length, 0);
const altsAfter = rules.reduce((n, r, id) => n + (state.ruleOn[id] ? state.altOn[id]!.filter(Boolean).length : 0), 0);
const tiers = (on: (id: number) => boolean) => (['exact', 'shape', 'hint'] as const).map((t) => `${t} ${rules.filter((r, id) => on(id) && r.tier === t).length}`).join(', ');
console.log(`texts ${texts.length}; v1 read back identically on all of them; deliberate changes ${Object.keys(DELIBERATE).length}`);
console.log(`rules ${rules.length} → ${state.ruleOn.filter(Boolean).length} (${tiers((id) => state.ruleOn[id]!)}); pruning rounds ${rounds}`);
console.log(`vetoes ${vetoesBefore} → ${vetoesAfter}; veto alternatives ${altsBefore} → ${altsAfter}`);
console.log(`outranks edges needed with all v1 vetoes ${edgesBefore}; after pruning ${final.edges.size}, ${edges.size} after transitive reduction`);
const removedWithWhy = rules.filter((r, id) => !state.ruleOn[id] && r.rule.raw.why !== undefined);
console.log(`rules removed: ${rules.length - state.ruleOn.filter(Boolean).length}, ${removedWithWhy.length} of them with a why (list: --removed)`);
if (process.argv.includes('--removed')) for (const r of removedWithWhy) console.log(`  ${entries[r.entry]!.id}#${r.index}: ${String(r.rule.raw.why).trim()}`);
const unusedWhy = Object.keys(WHY_ADDED).filter((key) => !rules.some((r, id) => state.ruleOn[id] && `${entries[r.entry]!.id}#${r.index}` === key));
if (unusedWhy.length > 0) throw new Error(`whys for rules that did not stay: ${unusedWhy.join(', ')}`);
const stale = STALE_CLAUSES.filter(([owner, clause]) => !entries.find((e) => e.id === owner)!.rules.some((r, i) => state.ruleOn[rules.findIndex((x) => x.entry === entryIndex.get(owner) && x.index === i)] && String(r.raw.why).includes(clause)));
if (stale.length > 0) throw new Error(`stale clauses not found: ${JSON.stringify(stale)}`);
if (process.argv.includes('--write')) {
  for (const w of written) writeFileSync(join(CATALOG_DIR, 'entries', w.file), w.text);
  console.log(`wrote ${written.length} entries`);
}
if (process.argv.includes('--removed-structured')) {
  rules.forEach((r, id) => {
    const raw = r.rule.raw;
    if (!state.ruleOn[id] && raw.pattern === undefined && raw.keywords === undefined && raw.allKeywords === undefined) console.log(`${entries[r.entry]!.id}#${r.index}`, JSON.stringify({ ...raw, why: undefined, unless: undefined }));
  });
}
