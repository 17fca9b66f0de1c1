import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog';
import { createDoctor } from '../../src/doctor';

/**
 * In-scope families the held-out rounds answered "unknown" or with the app's-own floor, each proven
 * on its own real pastes (the entries' examples, with their threads in the YAML): what a user who
 * pastes one must read.
 */
const catalog = loadCatalog();
const doctor = createDoctor({ catalog, now: () => new Date('2026-12-07T12:00:00Z') });
const examplesOf = (id: string) => {
  const entry = catalog.find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry.examples;
};
const diagnose = (text: string) => doctor.diagnose({ platform: 'test', text });

describe('the installed anthropic SDK and the code disagree on version', () => {
  // The last example is a wrapper's module, which hedges (below).
  it.each(examplesOf('sdk-version-mismatch').match.slice(0, -1).map((text, i) => [i, text] as const))(
    'real paste %i: a confident sdk.usage answer whose reply says to check the version',
    async (_i, text) => {
      const d = await diagnose(text);
      expect(d.entry).toBe('sdk-version-mismatch');
      expect(d.category).toBe('sdk.usage');
      expect(d.confidence).toBeGreaterThanOrEqual(0.6);
      expect(d.reply.toLowerCase()).toContain('version');
    },
  );

  it("hedges when a wrapper's own module lacks an Anthropic class (the wrapper's version, not the SDK's)", async () => {
    // https://github.com/xlang-ai/OpenAgents/issues/116
    const d = await diagnose(examplesOf('sdk-version-mismatch').match.at(-1)!);
    expect(d).toMatchObject({ entry: 'sdk-version-mismatch', category: 'sdk.usage' });
    expect(d.confidence).toBeLessThan(0.6);
    expect(d.reply.toLowerCase()).toContain('version');
  });

  it('leaves a local file shadowing the package (a partially initialised module) to others', async () => {
    const d = await diagnose(examplesOf('sdk-version-mismatch').nomatch[0]!);
    expect(d.entry).not.toBe('sdk-version-mismatch');
  });

  it('lets an entry that knows the exact argument or attribute answer instead', async () => {
    expect((await diagnose(examplesOf('sdk-sampling-params-removed').match[2]!)).entry).toBe('sdk-sampling-params-removed');
    expect((await diagnose(examplesOf('sdk-tools-unsupported').match[0]!)).entry).toBe('sdk-tools-unsupported');
    expect((await diagnose(examplesOf('sdk-messages-missing').match[0]!)).entry).toBe('sdk-messages-missing');
  });
});

describe('official wordings retold or wrapped', () => {
  it("reads Bedrock's max_tokens wording across a terminal UI's line wrap", async () => {
    const wrapped = examplesOf('max-tokens-over-model-limit').match.find((t) => t.includes('█'))!;
    const d = await diagnose(wrapped);
    expect(d.category).toBe('request.max_tokens');
    expect(d.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it("answers 'Prompt too long' in a user's words as the context overflow, hedged, not as the app's own error", async () => {
    const told = examplesOf('prompt-too-long').match.find((t) => t.includes('"Prompt too long"'))!;
    const d = await diagnose(told);
    expect(d.category).toBe('request.prompt_too_long');
    expect(d.confidence).toBeLessThan(0.6);
  });
});
