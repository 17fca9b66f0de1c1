import { describe, expect, it } from 'vitest';
import { loadModels, ModelIndex } from '../../src/models';
import { describeModelVerdict } from '../../src/render/model-fact';

const models = new ModelIndex(loadModels());
const today = new Date('2026-12-07T12:00:00Z');
const say = (id: string) => describeModelVerdict(models.classify(id), models.data.verified, today)!;

describe('model id mistakes', () => {
  it.each([
    ['claud-sonnet-5-5', 'typo', 'claude-sonnet-5-5'],
    ['sonnet', 'claude-code-alias', 'claude-sonnet-5-5'],
    ['sonnet4', 'claude-code-alias', 'claude-sonnet-5-5'],
    ['default', 'claude-code-alias', 'claude-sonnet-5-5'],
    ['Claude Sonnet 5.5', 'display-name', 'claude-sonnet-5-5'],
    ['claude-sonnet-4.6', 'dotted', 'claude-sonnet-4-6'],
    ['claude-opus-5.5', 'dotted', 'claude-opus-5-5'],
    ['claude-5.5-sonnet', 'wrong-order', 'claude-sonnet-5-5'],
    ['claude-sonnet-4-20250514', 'retired', 'claude-sonnet-4-6'],
    ['claude-3-5-sonnet-latest', 'retired', 'claude-sonnet-4-6'],
    ['anthropic.claude-opus-4-6-v1', 'cloud-id', 'claude-opus-4-6'],
    ['anthropic.claude-haiku-5-5', 'cloud-id', 'claude-haiku-5-5'],
    ['us.anthropic.claude-sonnet-5-5', 'cloud-id', 'claude-sonnet-5-5'],
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

  it('names the current model when the advice is a legacy one', () => {
    expect(say('claude-haiku-4-5')).toMatch(/legacy model now; the current one is `claude-haiku-5-5`/);
    expect(say('claude-sonnet-4-20250514')).toMatch(/`claude-sonnet-4-6` is itself a legacy model now; the current one is `claude-sonnet-5-5`/);
    expect(say('claude-haiku-5-5')).not.toMatch(/legacy/);
  });
});

// Released since the data was last verified (2026-08-22); each must be a valid id, never a typo.
// Source beside each: the official page that names it.
describe('the models released in autumn 2026 are valid ids', () => {
  it.each([
    ['claude-fable-5-1', 'https://platform.claude.com/docs/en/release-notes/overview (2026-09-01)'],
    ['claude-mythos-5-1', 'https://platform.claude.com/docs/en/release-notes/overview (2026-09-01)'],
    ['claude-opus-5-5', 'https://platform.claude.com/docs/zh-CN/models/opus-5-5/overview'],
    ['claude-sonnet-5-5', 'https://platform.claude.com/docs/zh-CN/models/sonnet-5-5/overview'],
    ['claude-haiku-5-5', 'https://platform.claude.com/docs/en/models/haiku-5-5/overview'],
    ['claude-fable-5-2', 'https://platform.claude.com/docs/en/models/fable-5-2/whats-new-fable-5-2'],
    ['claude-mythos-5-2', 'https://platform.claude.com/docs/en/models/fable-5-2/whats-new-fable-5-2'],
  ])('%s (%s)', (id) => {
    const v = models.classify(id);
    expect(v).toMatchObject({ mistake: 'valid', suggestion: null, retired: null, newer: null });
    expect(say(id)).not.toMatch(/typo/);
    expect(models.limits(id)).toEqual(expect.objectContaining({ contextWindow: 1_000_000, maxOutput: 128_000 }));
  });
});

describe('retired and deprecated ids', () => {
  it.each([
    // https://platform.claude.com/docs/en/models/sonnet-4-5/overview — retirement 2026-11-30, replacement Sonnet 5.5
    ['claude-sonnet-4-5-20250929', '2026-11-30', 'claude-sonnet-5-5'],
    ['claude-sonnet-4-5', '2026-11-30', 'claude-sonnet-5-5'],
    // https://platform.claude.com/docs/en/about-claude/model-deprecations
    ['claude-opus-4-1-20250805', '2026-08-05', 'claude-opus-4-8'],
    ['claude-3-7-sonnet-20250219', '2026-02-19', 'claude-sonnet-4-6'],
    ['claude-3-5-haiku-20241022', '2026-02-19', 'claude-haiku-4-5-20251001'],
    // https://platform.claude.com/docs/en/release-notes/overview — Claude 4.0 retired 2026-06-15
    ['claude-sonnet-4-20250514', '2026-06-15', 'claude-sonnet-4-6'],
    ['claude-opus-4-20250514', '2026-06-15', 'claude-opus-4-8'],
  ])('%s is retired on %s → %s', (id, date, replacement) => {
    const v = models.classify(id);
    expect(v).toMatchObject({ mistake: 'retired', suggestion: replacement, retired: { date, replacement } });
    expect(say(id)).toContain(`retired ${date}). Use \`${replacement}\` (the official replacement)`);
  });

  it('says when a deprecated id retires and what replaces it (SDK 1.13.0 CHANGELOG, deprecations page)', () => {
    for (const id of ['claude-opus-4-5', 'claude-opus-4-5-20251101']) {
      expect(models.classify(id).deprecated).toEqual({ retires: '2027-01-22', replacement: 'claude-opus-5-5' });
      expect(say(id)).toMatch(/deprecated model: it retires on 2027-01-22.*Use `claude-opus-5-5` \(the official replacement\)/);
    }
  });

  it('does not claim a past retirement date has happened unless the data says "retired"', () => {
    // The SDK's end-of-life for claude-mythos-preview (June 30th, 2026) has passed; its status is unconfirmed.
    expect(say('claude-mythos-preview')).toMatch(/was due to retire on 2026-06-30 and may already be gone/);
    expect(say('claude-mythos-preview')).toContain('`claude-mythos-5` (the official replacement)');
  });
});

describe('an id newer than the data is never called a typo', () => {
  it.each([
    ['claude-opus-6', null],
    ['claude-sonnet-5-6', null],
    ['claude-fable-5-3', null],
    ['claude-haiku-6-20270301', null],
    ['claude-lyric-1', null],
    ['claude-opus-6.1', 'claude-opus-6-1'],
  ])('%s → "may be newer" (API form: %s)', (id, repaired) => {
    const v = models.classify(id);
    expect(v).toMatchObject({ mistake: 'maybe-newer', suggestion: null, repaired });
    expect(say(id)).toMatch(
      new RegExp(`^\`${id.replace(/\./g, '\\.')}\` is not in my model list \\(verified 2026-12-07\\) — it may be newer; \`GET /v1/models\` shows what your key can use\\.`),
    );
    expect(say(id)).not.toMatch(/typo|Use `/);
  });

  it('still calls a misspelt family or an impossible older version a typo', () => {
    expect(models.classify('claude-sonet-5-5')).toMatchObject({ mistake: 'typo', suggestion: 'claude-sonnet-5-5' });
    expect(models.classify('claude-opus-4-9')).toMatchObject({ mistake: 'typo', suggestion: 'claude-opus-4-8', newer: 'claude-opus-5-5' });
  });

  it('trusts ids the live model list returned (GET /v1/models)', () => {
    const live = models.withLiveIds(new Set(['claude-opus-6', 'claude-haiku-5-5']));
    expect(live.classify('claude-opus-6')).toMatchObject({ mistake: 'valid', basis: 'live' });
    expect(describeModelVerdict(live.classify('claude-opus-6'), models.data.verified)).toMatch(/in the model list the API returns to this bot's own key/);
    expect(live.classify('claude-opus-6.0')).toMatchObject({ mistake: 'maybe-newer' });
    expect(live.classify('claude-opsu-6')).toMatchObject({ mistake: 'typo', suggestion: 'claude-opus-6' });
    expect(models.needsLiveCheck('claude-opus-6')).toBe(true);
    expect(models.needsLiveCheck('claude-haiku-5-5')).toBe(false);
    expect(models.needsLiveCheck('sonnet')).toBe(false);
  });
});

describe('Claude Code aliases (https://code.claude.com/docs/en/model-config)', () => {
  it.each([
    ['fable', 'claude-fable-5-2'],
    ['fable[1m]', 'claude-fable-5-2'],
    ['opus', 'claude-opus-5-5'],
    ['sonnet[1m]', 'claude-sonnet-5-5'],
    ['haiku', 'claude-haiku-5-5'],
  ])('%s → %s', (alias, id) => {
    expect(models.classify(alias)).toMatchObject({ mistake: 'claude-code-alias', suggestion: id });
  });
});

describe('the models data', () => {
  it('says when it was verified, and where every model fact comes from', () => {
    expect(models.data.verified).toBe('2026-12-07');
    for (const m of models.data.current) expect(m.source, m.id).toMatch(/^(https:\/\/|npm:)/);
    for (const r of models.data.retired) expect(r.source, r.ids[0]).toMatch(/^(https:\/\/|npm:)/);
  });

  it('points every retired id and deprecation at a model that is still served', () => {
    for (const r of models.data.retired) expect(models.classify(r.replacement).mistake).toBe('valid');
    for (const m of models.data.current.filter((x) => x.deprecation)) expect(models.classify(m.deprecation!.replacement).mistake).toBe('valid');
  });

  it('uses a current small model for the bot itself', () => {
    const fallback = models.data.current.find((m) => m.id === models.data.fallbackModel);
    expect(fallback).toMatchObject({ family: 'haiku', status: 'active' });
  });
});
