import { describe, expect, it } from 'vitest';
import { loadModels, ModelIndex } from '../../src/models';

const models = new ModelIndex(loadModels());

describe('model id mistakes', () => {
  it.each([
    ['claud-sonnet-5', 'typo', 'claude-sonnet-5'],
    ['sonnet', 'claude-code-alias', 'claude-sonnet-5'],
    ['sonnet4', 'claude-code-alias', 'claude-sonnet-5'],
    ['default', 'claude-code-alias', 'claude-sonnet-5'],
    ['Claude Sonnet 4.5', 'display-name', 'claude-sonnet-4-5'],
    ['claude-sonnet-4.6', 'dotted', 'claude-sonnet-4-6'],
    ['claude-4.5-sonnet', 'wrong-order', 'claude-sonnet-4-5'],
    ['claude-sonnet-4-20250514', 'retired', 'claude-sonnet-4-6'],
    ['claude-3-5-sonnet-latest', 'retired', 'claude-sonnet-4-6'],
    ['anthropic.claude-opus-4-6-v1', 'cloud-id', 'claude-opus-4-6'],
    ['claude-sonnet-4-6-20260101', 'extra-date', 'claude-sonnet-4-6'],
    ['claude-sonnet-4-6', 'valid', null],
  ] as const)('%s → %s, use %s', (input, mistake, suggestion) => {
    const v = models.classify(input);
    expect(v.mistake).toBe(mistake);
    expect(v.suggestion).toBe(suggestion);
  });

  it('says both when a wrongly written id also names a retired model', () => {
    const v = models.classify('claude-4-sonnet');
    expect(v.mistake).toBe('wrong-order');
    expect(v.retired).toEqual({ date: '2026-06-15', replacement: 'claude-sonnet-4-6' });
  });

  it('every retired id maps to a current replacement (checked by the schema) and data carries a verified date', () => {
    expect(models.data.lastVerified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const r of models.data.retired) expect(models.classify(r.replacement).mistake).toBe('valid');
  });
});
