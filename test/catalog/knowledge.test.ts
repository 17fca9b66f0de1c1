import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog';
import { requestedClient } from '../../src/doctor';
import { extractSignals } from '../../src/extract';
import { detectClient } from '../../src/extract/client';
import { CLIENTS } from '../../src/knowledge/clients';
import { loadNamedPatterns } from '../../src/knowledge/patterns';
import { PROVIDERS } from '../../src/knowledge/providers';

/** Each cue of catalog/patterns.yaml, providers.yaml and clients.yaml finds the fragments it exists for and none of its look-alikes. */
const cases = (re: Pick<RegExp, 'test'>, examples: { match: string[]; nomatch: string[] }) => [
  ...examples.match.map((text) => [`finds: ${text}`, re, text, true] as const),
  ...examples.nomatch.map((text) => [`does not find: ${text}`, re, text, false] as const),
];

describe.each([...loadNamedPatterns()].map(([name, p]) => [name, p] as const))('named pattern %s', (_name, p) => {
  it.each(cases(new RegExp(p.pattern, 'i'), p.examples))('%s', (_t, re, text, found) => expect(re.test(text)).toBe(found));
});

describe('providers', () => {
  it.each(cases(PROVIDERS.anthropicEvidence, PROVIDERS.file.anthropic.examples))('Anthropic evidence %s', (_t, re, text, found) => expect(re.test(text)).toBe(found));

  it.each(cases(PROVIDERS.apiEvidence, PROVIDERS.file.anthropic.apiEvidence.examples))("the Claude API's own mark %s", (_t, re, text, found) => expect(re.test(text)).toBe(found));
  it.each(cases(PROVIDERS.apiErrorLine, PROVIDERS.file.anthropic.apiErrorLine.examples))("a client's API Error line %s", (_t, re, text, found) => expect(re.test(text)).toBe(found));
  it.each(cases(PROVIDERS.apiAnswerRetold, PROVIDERS.file.anthropic.apiAnswerRetold.examples))("a retold API answer %s", (_t, re, text, found) => expect(re.test(text)).toBe(found));
  it.each(cases(PROVIDERS.errorShape, PROVIDERS.file.anthropic.errorShape.examples))('an error shape %s', (_t, re, text, found) => expect(re.test(text)).toBe(found));
  it.each(cases(PROVIDERS.toolResultStatus, PROVIDERS.file.anthropic.toolResultStatus.examples))("a tool result's status %s", (_t, re, text, found) =>
    expect(re.test(text)).toBe(found),
  );
  it('names only clients of catalog/clients.yaml as Anthropic apps', () => {
    for (const id of PROVIDERS.anthropicClients) expect(CLIENTS.byId.has(id), id).toBe(true);
  });

  // An envelope with a cue is tested by its cue; the one decided from the error object, by extraction.
  const envelopeTest = (id: string): Pick<RegExp, 'test'> =>
    PROVIDERS.envelopes.find((c) => c.id === id)?.re ?? { test: (text: string) => extractSignals(text).signals.foreignEnvelope === id };
  describe.each(PROVIDERS.file.envelopes.map((e) => [e.id, envelopeTest(e.id), e] as const))('envelope %s', (_id, re, e) => {
    it.each(cases(re, e.examples))('%s', (_t, cue, text, found) => expect(cue.test(text)).toBe(found));
  });

  describe.each(PROVIDERS.file.clouds.map((c, i) => [c.id, PROVIDERS.clouds[i]!.re, c] as const))('cloud %s', (_id, re, c) => {
    it.each(cases(re, c.examples))('%s', (_t, cue, text, found) => expect(cue.test(text)).toBe(found));
  });

  describe.each(PROVIDERS.file.foreign.map((p, i) => [p.id, PROVIDERS.foreignCues[i]!.re, p] as const))('provider %s', (_id, re, p) => {
    it.each(cases(re, p.examples))('%s', (_t, cue, text, found) => expect(cue.test(text)).toBe(found));
  });
});

/** A client's detection regexes, frame and cue, as one: an example is found when either finds it. */
const detection = (id: string): RegExp[] => [...CLIENTS.frames, ...CLIENTS.cues].filter((c) => c.id === id).map((c) => c.re);
const either = (res: RegExp[]): Pick<RegExp, 'test'> => ({ test: (text: string) => res.some((re) => re.test(text)) });

describe.each([...CLIENTS.byId.values()].map((c) => [c.id, c] as const))('client %s', (id, c) => {
  it.each(cases(either(detection(id)), c.examples))('frame or cue %s', (_t, cue, text, found) => expect(cue.test(text)).toBe(found));
  if (c.examples.followUp.length > 0) it.each(c.examples.followUp)('is asked for by the follow-up "%s"', (text) => expect(requestedClient(text)).toBe(id));
  if (c.examples.detects.length > 0) {
    it.each(c.examples.detects)('wins a paste another client also fits: %s', (text) => {
      const others = [...CLIENTS.frames, ...CLIENTS.cues].filter((o) => o.id !== id && o.re.test(text)).map((o) => o.id);
      expect(others.length, 'no other client fits this paste, so it shows no precedence').toBeGreaterThan(0);
      expect(detectClient(text)).toBe(id);
    });
  }
  const fixCue = CLIENTS.fixCues.find((f) => f.id === id);
  if (c.fixCue && fixCue) {
    it.each(cases(fixCue.re, c.fixCue))('fix-step cue %s', (_t, cue, text, found) => expect(cue.test(text)).toBe(found));
  }
});

describe.each([...CLIENTS.groupData].flatMap(([name, g]) => (g.fixCue ? [[name, g.fixCue] as const] : [])))('group %s', (name, fixCue) => {
  const re = CLIENTS.groupFixCues.find((f) => f.id === name)!.re;
  it.each(cases(re, fixCue))('fix-step cue %s', (_t, cue, text, found) => expect(cue.test(text)).toBe(found));
});

describe('client detection', () => {
  it('keeps a wrapper before the SDK it wraps: a Claude Code line quoting a TypeScript SDK stack is Claude Code', () => {
    expect(detectClient('⎿  API Error: 529 {"type":"error"} at generate (/$bunfs/root/src/entrypoints/cli.js:11:65735)')).toBe('claude-code');
  });

  it("gives every client a snippet chain, ending on a key entries have or on the client's own key", () => {
    const keysInUse = new Set(loadCatalog().flatMap((e) => Object.keys(e.snippets)));
    for (const id of CLIENTS.ids) {
      const chain = CLIENTS.snippetChains[id]!;
      expect(chain.length, id).toBeGreaterThan(0);
      expect(keysInUse.has(chain.at(-1)!) || chain.at(-1) === id, `${id}: ${chain.join(' → ')}`).toBe(true);
    }
    expect(CLIENTS.snippetKeys).toContain('gui');
    expect(CLIENTS.snippetChains.unknown).toEqual(['curl', 'python']);
  });
});
