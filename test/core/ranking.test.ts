import { describe, expect, it } from 'vitest';
import { type CompiledEntry, EntrySchema, namedPatterns } from '../../src/catalog';
import { compileEntry } from '../../src/catalog/compile';
import { EMPTY_SIGNALS } from '../../src/contracts';
import { explainRanking, Matcher } from '../../src/match';

/** A minimal out-of-scope entry (no snippets needed) whose rules are regexes. */
/** A test rule: wording (with an optional veto), or a backstop on a type. */
type TestRule = { evidence: 'exact' | 'shape' | 'hint' } & ({ pattern: string; unless?: string } | { type: string; backstop: true });

function entry(id: string, rules: TestRule[], outranks: string[] = []): CompiledEntry {
  const parsed = EntrySchema.parse({
    id,
    category: 'out_of_scope',
    title: `The ${id} entry`,
    retryable: false,
    outranks,
    match: rules.map((r) => ({ ...r, why: `a test rule of ${id}`, examples: ['match/0'], ...('unless' in r && r.unless ? { blocks: ['match/0'] } : {}) })),
    cause: 'A cause long enough for the schema.',
    fix: ['Do something.'],
    references: [{ title: 'Errors', url: 'https://platform.claude.com/docs/en/api/errors' }],
    examples: { match: ['an example paste'] },
  });
  return compileEntry(parsed, namedPatterns()).entry;
}

const rank = (entries: CompiledEntry[], text: string, signals = EMPTY_SIGNALS) => {
  const matcher = new Matcher(entries);
  const ranking = matcher.match({ signals, text, lower: text.toLowerCase() });
  return { ranking, trace: explainRanking(ranking, entries, matcher.precedence) };
};

describe('ranking by evidence tier, then precedence', () => {
  it('lets stronger evidence win whatever the precedence says', () => {
    const { ranking, trace } = rank([entry('alpha', [{ pattern: 'shared words', evidence: 'shape' }], ['beta']), entry('beta', [{ pattern: 'shared words', evidence: 'exact' }])], 'some shared words');
    expect(ranking.candidates.map((c) => [c.entry.id, c.confidence])).toEqual([['beta', 0.95], ['alpha', 0.75]]);
    expect(trace.candidates[1]!.decision).toEqual({ kind: 'weaker-evidence', against: 'beta' });
  });

  it('decides within a tier by outranks, transitively, and shows the path', () => {
    const entries = [entry('alpha', [{ pattern: 'shared', evidence: 'exact' }], ['bravo']), entry('bravo', [{ pattern: 'nothing here', evidence: 'exact' }], ['charlie']), entry('charlie', [{ pattern: 'shared', evidence: 'exact' }])];
    const { ranking, trace } = rank(entries, 'shared text');
    expect(ranking.candidates.map((c) => c.entry.id)).toEqual(['alpha', 'charlie']);
    expect(ranking.candidates[0]!.tiedWith).toBeUndefined();
    expect(trace.candidates.map((c) => c.decision)).toEqual([{ kind: 'winner' }, { kind: 'outranked', against: 'alpha', path: ['alpha', 'bravo', 'charlie'] }]);
  });

  it('puts a backstop below every specific rule of its tier, whatever the precedence says', () => {
    const signals = { ...EMPTY_SIGNALS, status: 401, type: 'authentication_error' };
    const generic = entry('generic', [{ type: 'authentication_error', backstop: true, evidence: 'exact' }], ['specific']);
    const specific = entry('specific', [{ pattern: 'oauth token', evidence: 'exact' }]);
    const { ranking, trace } = rank([generic, specific], 'the oauth token was revoked', signals);
    expect(ranking.candidates.map((c) => [c.entry.id, c.confidence])).toEqual([['specific', 0.95], ['generic', 0.95]]);
    expect(trace.candidates[1]!.decision).toEqual({ kind: 'backstop', against: 'specific' });
    expect(trace.candidates[1]!.conditions).toBe('type authentication_error · backstop');
  });

  it('lets a backstop of a stronger tier win over a weaker specific rule, and answer alone', () => {
    const signals = { ...EMPTY_SIGNALS, status: 401, type: 'authentication_error' };
    const generic = entry('generic', [{ type: 'authentication_error', backstop: true, evidence: 'exact' }]);
    const specific = entry('specific', [{ pattern: 'oauth token', evidence: 'shape' }]);
    expect(rank([generic, specific], 'the oauth token was revoked', signals).ranking.candidates.map((c) => c.entry.id)).toEqual(['generic', 'specific']);
    expect(rank([generic, specific], 'a message no entry lists', signals).ranking.candidates.map((c) => c.entry.id)).toEqual(['generic']);
  });

  it('puts an unresolved tie in entry id order and says so', () => {
    const { ranking, trace } = rank([entry('zulu', [{ pattern: 'shared', evidence: 'shape' }]), entry('alpha', [{ pattern: 'shared', evidence: 'shape' }])], 'shared');
    expect(ranking.candidates.map((c) => c.entry.id)).toEqual(['alpha', 'zulu']);
    expect(ranking.candidates[0]!.tiedWith).toEqual(['zulu']);
    expect(trace.candidates.map((c) => c.decision.kind)).toEqual(['tie', 'tie']);
  });

  it('counts an entry once, with its strongest rule, and reports the first rule of that tier', () => {
    const { ranking } = rank([entry('alpha', [{ pattern: 'weak', evidence: 'hint' }, { pattern: 'strong', evidence: 'exact' }, { pattern: 'str', evidence: 'exact' }])], 'weak and strong');
    expect(ranking.candidates.map((c) => [c.entry.id, c.evidence, c.rule])).toEqual([['alpha', 'exact', 1]]);
  });

  it('reports a veto only when it kept its entry lower than the vetoed rule', () => {
    const alpha = entry('alpha', [{ pattern: 'shared', evidence: 'exact', unless: 'but not this' }, { pattern: 'shared', evidence: 'hint' }]);
    expect(rank([alpha], 'shared, but not this').ranking).toMatchObject({ candidates: [{ evidence: 'hint' }], vetoed: [{ rule: 0 }] });
    const beta = entry('beta', [{ pattern: 'shared', evidence: 'hint', unless: 'but not this' }, { pattern: 'shared', evidence: 'exact' }]);
    expect(rank([beta], 'shared, but not this').ranking.vetoed).toEqual([]);
  });
});

describe('the scope floor ("nothing from Claude", "the app\'s own error")', () => {
  /** An out-of-scope entry whose only rule is a floor, in the given tier. */
  const floorEntry = (evidence: 'exact' | 'shape' | 'hint') =>
    compileEntry(
      EntrySchema.parse({
        id: 'floor',
        category: 'out_of_scope',
        title: 'The floor entry',
        retryable: false,
        match: [{ claudeSignal: false, evidence, scope: 'floor', why: 'a test floor', examples: ['match/0'] }],
        cause: 'A cause long enough for the schema.',
        fix: ['Do something.'],
        references: [{ title: 'Errors', url: 'https://platform.claude.com/docs/en/api/errors' }],
        examples: { match: ['an example paste'] },
      }),
      namedPatterns(),
    ).entry;

  it.each(['exact', 'shape', 'hint'] as const)('never beats an entry that recognised the wording, even when the floor is in the %s tier and the wording only a hint', (tier) => {
    const wording = entry('wording', [{ pattern: 'image dimensions exceed', evidence: 'hint' }]);
    const { ranking, trace } = rank([floorEntry(tier), wording], 'it said image dimensions exceed the limit');
    expect(ranking.candidates.map((c) => c.entry.id)).toEqual(['wording', 'floor']);
    expect(trace.candidates[1]!.decision).toEqual({ kind: 'scope', against: 'wording' });
  });

  it('answers when nothing else recognised the paste', () => {
    const { ranking } = rank([floorEntry('hint'), entry('wording', [{ pattern: 'image dimensions exceed', evidence: 'hint' }])], 'something else broke');
    expect(ranking.candidates.map((c) => c.entry.id)).toEqual(['floor']);
  });
});
