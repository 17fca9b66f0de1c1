import { type CompiledEntry, Precedence } from '../../src/catalog';
import { analyzeText } from '../../src/doctor';
import { type Candidate, type Firing, Matcher, rankFirings, type RuleOutcome } from '../../src/match';
import { type ShippedText, shippedTexts } from './shipped-texts';

/**
 * What every rule, veto and precedence edge does on the shipped texts, for the hygiene tests: a rule
 * decides a text when removing it changes the text's answer, a veto blocks a text when removing it
 * would, an edge is needed when removing it would. "The answer" is the top entry and its evidence
 * tier; an unresolved tie at the top counts as a different answer (the catalogue must say who wins).
 */
export interface TextDecisions extends ShippedText {
  outcomes: RuleOutcome[];
  firings: Firing[];
  candidates: Candidate[];
}

export interface Decisions {
  catalog: readonly CompiledEntry[];
  matcher: Matcher;
  texts: TextDecisions[];
}

const NOW = new Date('2026-11-25T12:00:00Z');

export function analyzeShipped(catalog: readonly CompiledEntry[]): Decisions {
  const matcher = new Matcher(catalog);
  const texts = shippedTexts(catalog).map((t) => {
    const a = analyzeText(t.text, matcher, NOW);
    const outcomes = a.normalized.flat === '' ? [] : matcher.outcomes({ signals: a.signals, text: a.extraction.focus, lower: a.extraction.focusLower });
    const firings = outcomes.filter((o) => o.fires);
    return { ...t, outcomes, firings, candidates: rankFirings(firings, catalog, matcher.precedence) };
  });
  return { catalog, matcher, texts };
}

/** The answer as the hygiene tests compare it: top entry, its tier, and whether a tie put it there. */
export const answerOf = (candidates: readonly Candidate[]): string =>
  candidates[0] ? `${candidates[0].entry.id} ${candidates[0].evidence}${candidates[0].tiedWith ? ' tie' : ''}` : 'none';

const sameRule = (f: Firing, entry: number, rule: number) => f.entry === entry && f.rule === rule;

/** The texts a rule decides (its entry and index are positions in the catalogue). */
export function decidedBy(d: Decisions, entry: number, rule: number): TextDecisions[] {
  return d.texts.filter((t) => {
    if (!t.firings.some((f) => sameRule(f, entry, rule))) return false;
    const without = t.firings.filter((f) => !sameRule(f, entry, rule));
    return answerOf(rankFirings(without, d.catalog, d.matcher.precedence)) !== answerOf(t.candidates);
  });
}

/** The texts a rule's veto blocks. */
export function blockedBy(d: Decisions, entry: number, rule: number): TextDecisions[] {
  return d.texts.filter((t) => {
    if (!t.outcomes.some((o) => o.blocked && sameRule(o, entry, rule))) return false;
    const unblocked = [...t.firings, { entry, rule }];
    return answerOf(rankFirings(unblocked, d.catalog, d.matcher.precedence)) !== answerOf(t.candidates);
  });
}

/** The texts whose answer needs the edge `from` outranks `to` (entry positions). */
export function needingEdge(d: Decisions, from: number, to: number): TextDecisions[] {
  const toId = d.catalog[to]!.id;
  const without = new Precedence(d.catalog.map((e, i) => ({ id: e.id, outranks: i === from ? e.outranks.filter((x) => x !== toId) : e.outranks })));
  return d.texts.filter((t) => t.firings.length > 1 && answerOf(rankFirings(t.firings, d.catalog, without)) !== answerOf(t.candidates));
}

/** `match/3` inside entry `x` is `x/match/3`; other references are already full keys. */
export const fullKey = (owner: string, ref: string): string => (/^(?:match|nomatch)\//.test(ref) ? `${owner}/${ref}` : ref);
