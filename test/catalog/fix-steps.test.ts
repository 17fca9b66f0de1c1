import { describe, expect, it } from 'vitest';
import { EntrySchema, namedPatterns } from '../../src/catalog';
import { compileEntry } from '../../src/catalog/compile';
import { CLIENTS } from '../../src/knowledge/clients';

/** A minimal out-of-scope entry with the given fix steps. */
function compile(fix: unknown[]) {
  const parsed = EntrySchema.parse({
    id: 'fix-steps-test',
    category: 'out_of_scope',
    title: 'The fix-steps test entry',
    retryable: false,
    match: [{ pattern: 'fix steps test', evidence: 'hint', why: 'a test rule of the fix steps', examples: ['match/0'] }],
    cause: 'A cause long enough for the schema.',
    fix,
    references: [{ title: 'Errors', url: 'https://platform.claude.com/docs/en/api/errors' }],
    examples: { match: ['fix steps test paste'] },
  });
  return compileEntry(parsed, namedPatterns());
}

describe('fix steps say which clients they are for', () => {
  it('keeps a plain step for everyone and resolves client ids and groups to the clients a step is for', () => {
    const { entry, problems } = compile([
      'Wait for retry-after, then retry.',
      { step: 'In Claude Code, run /login.', for: ['claude-code'] },
      { step: 'Catch the SDK error class.', for: ['sdk'] },
    ]);
    expect(problems).toEqual([]);
    expect(entry.fix[0]).toEqual({ text: 'Wait for retry-after, then retry.', for: null, own: [], groups: [], service: null });
    expect(entry.fix[1]).toEqual({ text: 'In Claude Code, run /login.', for: ['claude-code'], own: ['claude-code'], groups: [], service: null });
    expect(entry.fix[2]!.for).toEqual(CLIENTS.groups.get('sdk'));
    expect(entry.fix[2]!.for).toContain('python');
    expect(entry.fix[2]!.for).not.toContain('claude-code');
    // `sdk` is a broad group: advice for its members, written for none of them.
    expect(entry.fix[2]!.own).toEqual([]);
    expect(entry.fix[2]!.groups).toEqual(['sdk']);
  });

  it('names the step and the word when `for` holds neither a client nor a group', () => {
    const { problems } = compile([{ step: 'In Zork, press the button.', for: ['zork'] }]);
    expect(problems).toEqual(['fix.0.for: "zork" is neither a client id nor a group of catalog/clients.yaml']);
  });

  it('refuses a tagged step without clients', () => {
    expect(() => compile([{ step: 'For nobody at all.', for: [] }])).toThrow();
  });
});
