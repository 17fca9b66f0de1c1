import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { loadModels, ModelIndex, modelStateOf } from '../../src/models';
import { modelFromDisplayName } from '../../src/models/display-name';

const doctor = createDoctor({ now: () => new Date('2026-12-07T12:00:00Z') });
const models = new ModelIndex(loadModels());

describe('what the models data says of a pasted model id (the `modelId` condition)', () => {
  it.each([
    ['claude-3-opus-20240229', 'retired'],
    ['claude-sonnet-4-20250514', 'retired'],
    ['claude-3.5-sonnet', 'retired'],
    ['claude-sonet-4', 'unknown'],
    ['sonnet', 'unknown'],
    ['claude-sonnet-5-5', 'served'],
  ] as const)('%s is %s', (id, state) => {
    expect(modelStateOf(models, id)).toBe(state);
  });

  it.each([
    ['another vendor', 'gpt-4o'],
    ['a Bedrock id (its own schedule)', 'anthropic.claude-3-5-sonnet-20240620-v1:0'],
    ['an id newer than the data', 'claude-opus-9'],
    ['another Claude product', 'claude-code'],
  ])('says nothing of %s', (_what, id) => {
    expect(modelStateOf(models, id)).toBeNull();
  });
});

// Pastes from threads: a model's 404 told in prose or a title, with no error body.
describe('a retired model reported in prose', () => {
  it('answers model.not_found as a hedge and names the official replacement', async () => {
    // https://github.com/zed-industries/zed/pull/59424
    const text = 'claude-sonnet-4-20250514 was retired by Anthropic on June 15, 2026, causing the workflow to fail with a 404 from /v1/messages.';
    const d = await doctor.diagnose({ platform: 'test', text });
    expect(d).toMatchObject({ category: 'model.not_found', status: 404 });
    expect(d.confidence).toBeLessThan(0.6);
    expect(d.document.verdict.join('\n')).toContain('claude-sonnet-4-6');
  });

  it('does not call an id the API still serves retired because a wrapper says so', async () => {
    // https://github.com/github/gh-aw/issues/42598
    const d = await doctor.diagnose({ platform: 'test', text: "Error: model 'claude-sonnet-5' is retired or unsupported." });
    expect(d.category).not.toBe('model.not_found');
  });

  it('a 404 with a retired id is the model, not the path', async () => {
    // https://github.com/metadist/synaplan/pull/362
    const text = 'Anthropic retired `claude-3-opus-20240229` on January 5, 2026. API requests returned HTTP 404.\nHTTP/2 404 returned for "https://api.anthropic.com/v1/messages"';
    const d = await doctor.diagnose({ platform: 'test', text });
    expect(d).toMatchObject({ category: 'model.not_found', status: 404 });
    expect(d.confidence).toBeGreaterThanOrEqual(0.6);
  });
});

describe('a model named by its display name in prose or a title', () => {
  it.each([
    ['Claude Sonnet 4.5 Not Found', 'Claude Sonnet 4.5', 'retired'],
    ['fix claude 3 haiku version', 'Claude 3 Haiku', 'retired'],
    ['Haiku 3 deprecated?', 'Claude 3 Haiku', 'retired'],
    ['Claude 3.5 Sonnet gives a 404', 'Claude 3.5 Sonnet', 'retired'],
    ['Opus 4 stopped working', 'Claude Opus 4', 'retired'],
    ['Claude Sonnet 5.5 answers 404', 'Claude Sonnet 5.5', null],
  ] as const)('%s names %s (%s)', (text, name, state) => {
    expect(modelFromDisplayName(text)).toBe(name);
    expect(modelStateOf(models, name)).toBe(state);
  });

  it.each([
    ['a family with no version', 'Claude Opus model is giving a 404'],
    ['an everyday word', 'the mythos 2 chapter'],
    ['a version past a decimal', 'sonnet 4.55'],
  ])('reads no model from %s', (_what, text) => {
    expect(modelFromDisplayName(text)).toBeNull();
  });

  it('answers model.not_found as a hedge naming the replacement', async () => {
    // https://github.com/shinshin86/aituber-onair/pull/31 (title and description)
    const d = await doctor.diagnose({ platform: 'test', text: 'Fix claude 3 haiku version\n\nI accidentally caused a 404 error.' });
    expect(d.category).toBe('model.not_found');
    expect(d.confidence).toBeLessThan(0.6);
    expect(d.document.verdict.join('\n')).toContain('claude-haiku-4-5-20251001');
  });
});
