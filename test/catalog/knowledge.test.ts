import { describe, expect, it } from 'vitest';
import { requestedClient } from '../../src/doctor';
import { detectClient } from '../../src/extract/client';
import { CLIENTS } from '../../src/knowledge/clients';
import { loadNamedPatterns } from '../../src/knowledge/patterns';
import { PROVIDERS } from '../../src/knowledge/providers';

/** Each cue of catalog/patterns.yaml, providers.yaml and clients.yaml finds the fragments it exists for and none of its look-alikes. */
const cases = (re: RegExp, examples: { match: string[]; nomatch: string[] }) => [
  ...examples.match.map((text) => [`finds: ${text}`, re, text, true] as const),
  ...examples.nomatch.map((text) => [`does not find: ${text}`, re, text, false] as const),
];

describe.each([...loadNamedPatterns()].map(([name, p]) => [name, p] as const))('named pattern %s', (_name, p) => {
  it.each(cases(new RegExp(p.pattern, 'i'), p.examples))('%s', (_t, re, text, found) => expect(re.test(text)).toBe(found));
});

describe('providers', () => {
  it.each(cases(PROVIDERS.anthropicEvidence, PROVIDERS.file.anthropic.examples))('Anthropic evidence %s', (_t, re, text, found) => expect(re.test(text)).toBe(found));

  describe.each(PROVIDERS.file.clouds.map((c, i) => [c.id, PROVIDERS.clouds[i]!.re, c] as const))('cloud %s', (_id, re, c) => {
    it.each(cases(re, c.examples))('%s', (_t, cue, text, found) => expect(cue.test(text)).toBe(found));
  });

  describe.each(PROVIDERS.file.foreign.map((p, i) => [p.id, PROVIDERS.foreignCues[i]!.re, p] as const))('provider %s', (_id, re, p) => {
    it.each(cases(re, p.examples))('%s', (_t, cue, text, found) => expect(cue.test(text)).toBe(found));
  });
});

describe.each([...CLIENTS.byId.values()].map((c, i) => [c.id, CLIENTS.cues[i]!.re, c] as const))('client %s', (id, re, c) => {
  it.each(cases(re, c.examples))('cue %s', (_t, cue, text, found) => expect(cue.test(text)).toBe(found));
  if (c.examples.followUp.length > 0) it.each(c.examples.followUp)('is asked for by the follow-up "%s"', (text) => expect(requestedClient(text)).toBe(id));
});

describe('client detection', () => {
  it('keeps a wrapper before the SDK it wraps: a Claude Code line quoting a TypeScript SDK stack is Claude Code', () => {
    expect(detectClient('⎿  API Error: 529 {"type":"error"} at generate (/$bunfs/root/src/entrypoints/cli.js:11:65735)')).toBe('claude-code');
  });

  it('names every client with a snippet of its own, and ends every snippet chain on a key entries have', () => {
    for (const id of CLIENTS.ids) expect(CLIENTS.snippetChains[id]!.length, id).toBeGreaterThan(0);
    expect(CLIENTS.snippetKeys).toContain('gui');
    expect(CLIENTS.snippetChains.unknown).toEqual(['curl', 'python']);
  });
});
