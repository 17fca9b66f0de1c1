import type { ClientId } from '../contracts';
import { CLIENTS } from '../knowledge/clients';
import { expandNamed, regexProblem } from '../knowledge/patterns';
import { requiredLiterals } from '../scan';
import { EVIDENCE_CONFIDENCE, EVIDENCE_RANK, type CatalogEntry, type CatalogRule } from './schema';

/** A rule ready to run: named patterns expanded, regexes compiled once, keywords lower-cased. */
export interface CompiledRule extends Omit<CatalogRule, 'pattern' | 'unless' | 'keywords' | 'allKeywords'> {
  pattern?: RegExp;
  /** The pattern as written in the catalogue (named patterns unexpanded), for the trace. */
  patternSource?: string;
  /** Lower-case strings of which the text must hold one for `pattern` to be able to match. */
  patternLiterals?: string[];
  unless?: RegExp;
  unlessSource?: string;
  unlessLiterals?: string[];
  keywords?: string[];
  allKeywords?: string[];
  /** EVIDENCE_RANK of the rule's tier: 3 exact, 2 shape, 1 hint. */
  rank: number;
  /** The rule's place when entries are ranked (standingOf): its tier, and a backstop below the other rules of its tier. */
  standing: number;
  confidence: number;
}

/**
 * Where a rule stands when entries are ranked: by tier first; within a tier a backstop (the generic
 * answer for a status, type or SDK class) stands below every other rule, so anything more specific
 * that fires in the same tier wins over it without an `outranks` edge. The scope decision ("this is
 * not from Claude's API") stands low: a `floor` below everything of its tier, so any entry that
 * recognises the paste answers first; an `envelope` (another service's error body) between the
 * backstops and the specific rules — and in src/match/rank.ts, when it fires, every in-scope entry of
 * its tier goes below every out-of-scope one, so an entry naming that service still answers first.
 */
export const standingOf = (rule: { rank: number; backstop?: true; scope?: 'floor' | 'envelope' }): number =>
  rule.rank * 4 + (rule.scope === 'floor' ? 0 : rule.backstop ? 1 : rule.scope === 'envelope' ? 2 : 3);

/** A fix step with its audience resolved: the client ids it is for, or null for everyone. */
export interface CompiledFixStep {
  text: string;
  for: readonly ClientId[] | null;
  /**
   * Of `for`, the clients the step is written for: named by their id or by a `family` group of
   * catalog/clients.yaml. The rest of `for` are reached through a `broad` group (`code`, `apps`):
   * the step is advice for everyone there, not theirs.
   */
  own: readonly ClientId[];
  /** The `broad` groups the step is tagged with (`code`, `apps`), by name. */
  groups: readonly string[];
  /** Shown only when the paste names the service that answered (`named`) or only when not (`unnamed`). */
  service: 'named' | 'unnamed' | null;
}

export interface CompiledEntry extends Omit<CatalogEntry, 'match' | 'fix' | 'seenIn'> {
  match: CompiledRule[];
  fix: CompiledFixStep[];
  /** The clients (ids) that alone meet this error (`seenIn`), or null when anyone may. */
  seenIn: readonly ClientId[] | null;
}

/** Compiles one validated entry; `problems` name the field path of anything that does not compile. */
export function compileEntry(entry: CatalogEntry, named: ReadonlyMap<string, string>): { entry: CompiledEntry; problems: string[] } {
  const problems: string[] = [];
  /** The regex with named patterns expanded, and the literals every match contains (null: none derivable). */
  const regex = (source: string | undefined, path: string): { re: RegExp; literals: string[] | null } | undefined => {
    if (source === undefined) return undefined;
    const expanded = expandNamed(source, named);
    for (const name of expanded.unknown) problems.push(`${path}: unknown named pattern "(?&${name})"`);
    const problem = expanded.unknown.length ? null : regexProblem(expanded.source);
    if (problem) problems.push(`${path}: ${problem}`);
    if (expanded.unknown.length || problem) return undefined;
    // Three characters are a weaker prefilter than four, but far better than running the regex on every paste.
    return { re: new RegExp(expanded.source, 'i'), literals: requiredLiterals(expanded.source) ?? requiredLiterals(expanded.source, 3) };
  };
  const match = entry.match.map((rule, i): CompiledRule => {
    const pattern = regex(rule.pattern, `match.${i}.pattern`);
    const unless = regex(rule.unless, `match.${i}.unless`);
    const patternLiterals = pattern?.literals ?? undefined;
    // The matcher files a rule under a needle, a status or a type so that it runs only on pastes that
    // can wake it; a regex with none of those would run on every paste, so it must say what it needs.
    if (pattern && !patternLiterals && !rule.keywords && !rule.allKeywords && !rule.status && !rule.type) {
      problems.push(`match.${i}.pattern: no literal that every match contains can be derived from it; add \`keywords\` (or a status / type condition) so the prefilter can file the rule`);
    }
    return {
      ...rule,
      pattern: pattern?.re,
      patternSource: rule.pattern,
      patternLiterals,
      unless: unless?.re,
      unlessSource: rule.unless,
      unlessLiterals: unless?.literals ?? undefined,
      keywords: rule.keywords?.map((k) => k.toLowerCase()),
      allKeywords: rule.allKeywords?.map((k) => k.toLowerCase()),
      rank: EVIDENCE_RANK[rule.evidence],
      standing: standingOf({ rank: EVIDENCE_RANK[rule.evidence], backstop: rule.backstop, scope: rule.scope }),
      confidence: EVIDENCE_CONFIDENCE[rule.evidence],
    };
  });
  /**
   * Client ids and groups of catalog/clients.yaml, resolved to the client ids they name (`all`), and
   * those named by their id or a `family` group (`own`), for whom the step is written.
   */
  const resolve = (names: readonly string[], path: string): { all: ClientId[]; own: ClientId[]; groups: string[] } => {
    const all = new Set<ClientId>();
    const own = new Set<ClientId>();
    const groups: string[] = [];
    for (const name of names) {
      const members = CLIENTS.groups.get(name) ?? (CLIENTS.byId.has(name) ? [name] : null);
      if (!members) problems.push(`${path}: "${name}" is neither a client id nor a group of catalog/clients.yaml`);
      const theirs = !CLIENTS.groups.has(name) || CLIENTS.families.has(name);
      if (!theirs) groups.push(name);
      for (const m of members ?? []) {
        all.add(m);
        if (theirs) own.add(m);
      }
    }
    return { all: [...all], own: [...own], groups };
  };
  const fix = entry.fix.map((step, i): CompiledFixStep => {
    if (typeof step === 'string') return { text: step.trim(), for: null, own: [], groups: [], service: null };
    const service = step.service ?? null;
    if (!step.for) return { text: step.step.trim(), for: null, own: [], groups: [], service };
    const audience = resolve(step.for, `fix.${i}.for`);
    return { text: step.step.trim(), for: audience.all, own: audience.own, groups: audience.groups, service };
  });
  const seenIn = entry.seenIn ? resolve(entry.seenIn, 'seenIn').all : null;
  return {
    // YAML block scalars end in a newline; trimmed once here rather than on every reply.
    entry: { ...entry, cause: entry.cause.trim(), fix, match, seenIn },
    problems,
  };
}
