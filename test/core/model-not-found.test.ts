import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';

const doctor = createDoctor({ now: () => new Date('2026-12-07T12:00:00Z') });

// The SDKs' own 404 shapes for an unknown model: Python `anthropic` ("Error code: 404 - {dict}") and
// TypeScript `@anthropic-ai/sdk` ("NotFoundError: 404 {json}" with its stack). Message wording:
// https://platform.claude.com/docs/en/api/errors (not_found_error, "model: <id>").
const pythonPaste = (id: string) =>
  `Traceback (most recent call last):\n  File "app.py", line 9, in <module>\n    msg = client.messages.create(model="${id}", max_tokens=1024, messages=messages)\nanthropic.NotFoundError: Error code: 404 - {'type': 'error', 'error': {'type': 'not_found_error', 'message': 'model: ${id}'}, 'request_id': 'req_011CXkqZ3mD9rVn4Tq8bYw2L'}`;
const typescriptPaste = (id: string) =>
  `NotFoundError: 404 {"type":"error","error":{"type":"not_found_error","message":"model: ${id}"},"request_id":"req_011CXkqZ3mD9rVn4Tq8bYw2L"}\n    at APIError.generate (/app/node_modules/@anthropic-ai/sdk/src/core/error.ts:98:14)\n    at Anthropic.makeStatusError (/app/node_modules/@anthropic-ai/sdk/src/client.ts:467:21)`;
const SHAPES = [
  ['Python', pythonPaste],
  ['TypeScript', typescriptPaste],
] as const;

/** Every model id the "From your paste" facts mention. */
const idsInFacts = (facts: string[]) => [...facts.join('\n').matchAll(/`(claude-[a-z0-9.-]+)`/g)].map((m) => m[1]);

describe('a 404 on a model released since the last data update', () => {
  const NEW_IDS = [
    'claude-fable-5-1', // https://platform.claude.com/docs/en/release-notes/overview (2026-09-01)
    'claude-mythos-5-1', // https://platform.claude.com/docs/en/release-notes/overview (2026-09-01)
    'claude-opus-5-5', // https://platform.claude.com/docs/zh-CN/models/opus-5-5/overview
    'claude-sonnet-5-5', // https://platform.claude.com/docs/zh-CN/models/sonnet-5-5/overview
    'claude-haiku-5-5', // https://platform.claude.com/docs/en/models/haiku-5-5/overview
    'claude-fable-5-2', // https://platform.claude.com/docs/en/models/fable-5-2/whats-new-fable-5-2
    'claude-mythos-5-2', // https://platform.claude.com/docs/en/models/fable-5-2/whats-new-fable-5-2
  ];
  const cases = NEW_IDS.flatMap((id) => SHAPES.map(([shape, paste]) => [id, shape, paste(id)] as const));

  it.each(cases)('%s (%s) is a valid id: no "typo", no older id', async (id, _shape, text) => {
    const d = await doctor.diagnose({ platform: 'test', text });
    expect(d).toMatchObject({ category: 'model.not_found', status: 404 });
    expect(d.signals.model).toBe(id);
    const fact = d.document.facts.find((f) => f.includes(id));
    expect(fact).toMatch(/is a valid model id/);
    expect(d.document.facts.join('\n')).not.toMatch(/typo/i);
    expect(idsInFacts(d.document.facts)).toEqual([id]);
  });
});

describe('a 404 on a retired model names the retirement and the official replacement', () => {
  const RETIRED = [
    // https://platform.claude.com/docs/en/models/sonnet-4-5/overview (retired 2026-11-30 → Sonnet 5.5)
    ['claude-sonnet-4-5-20250929', '2026-11-30', 'claude-sonnet-5-5'],
    // https://platform.claude.com/docs/en/about-claude/model-deprecations (Opus 4.1 retired 2026-08-05)
    ['claude-opus-4-1-20250805', '2026-08-05', 'claude-opus-4-8'],
    // https://platform.claude.com/docs/en/release-notes/overview (Claude 4.0 retired 2026-06-15)
    ['claude-sonnet-4-20250514', '2026-06-15', 'claude-sonnet-4-6'],
  ] as const;
  const cases = RETIRED.flatMap(([id, date, to]) => SHAPES.map(([shape, paste]) => [id, shape, date, to, paste(id)] as const));

  it.each(cases)('%s (%s)', async (id, _shape, date, replacement, text) => {
    const d = await doctor.diagnose({ platform: 'test', text });
    const fact = d.document.facts.find((f) => f.includes(id));
    expect(fact).toContain(`names a retired model (retired ${date}). Use \`${replacement}\` (the official replacement)`);
    expect(fact).not.toMatch(/is a valid model id/);
  });
});

describe('a 404 on an id newer than the data', () => {
  it.each(SHAPES)('says "may be newer" in the %s shape', async (_shape, paste) => {
    const d = await doctor.diagnose({ platform: 'test', text: paste('claude-opus-6') });
    expect(d.document.facts).toContain(
      '`claude-opus-6` is not in my model list (verified 2026-12-07) — it may be newer; `GET /v1/models` shows what your key can use.',
    );
    expect(d.document.facts.join('\n')).not.toMatch(/typo/i);
  });
});
