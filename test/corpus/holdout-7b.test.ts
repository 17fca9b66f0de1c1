import { beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { type CaseScore, loadCorpus, scoreCase, summarize } from '../support/corpus';

/**
 * The same acceptance bar as the dev corpus, over real pastes the catalogue was not written from
 * (test/fixtures/holdout-7b.jsonl: a seventh independent round — 59 pastes collected by symptom from end-user apps
 * and coding agents other than Claude Code (Cline, Roo, Kilo, Continue, Cursor, Zed, Goose, aider, OpenHands, Cherry
 * Studio, LobeChat, LibreChat, NextChat, Chatbox, SillyTavern, Dify, n8n, Flowise, Langflow, Obsidian and Alfred
 * plugins...) and the relays in front of them (new-api, LiteLLM proxy, OpenRouter, Antigravity, Bifrost), in English
 * and Chinese, with 10 out-of-scope look-alikes): ≥ 95 % right category (alt_categories count), ≥ 95 % right status and
 * type where the case states them, every expected word in the reply, and no confident Claude-error answer on an
 * out-of-scope paste.
 */
describe('seventh held-out corpus (7b, end-user apps, coding agents and relays)', () => {
  const cases = loadCorpus('holdout-7b.jsonl');
  const scores: CaseScore[] = [];

  beforeAll(async () => {
    const doctor = createDoctor({ now: () => new Date('2026-11-25T12:00:00Z') });
    for (const c of cases) scores.push(scoreCase(c, await doctor.diagnose({ platform: 'test', text: c.text })));
  });

  it('gets the category right for at least 95 % of pastes', () => {
    const wrong = scores.filter((s) => !s.categoryOk).map((s) => `${s.id} → ${s.got.category}`);
    expect(summarize(scores).category, wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('gets status and type right for at least 95 % of the pastes that state them', () => {
    const summary = summarize(scores);
    const wrong = scores.filter((s) => s.statusOk === false || s.typeOk === false).map((s) => `${s.id} → ${s.got.status} ${s.got.type}`);
    expect(summary.status, wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(summary.type, wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('mentions every expected word in the reply', () => {
    const missing = scores.filter((s) => s.missingMentions.length > 0).map((s) => `${s.id}: ${s.missingMentions.join(', ')}`);
    expect(missing).toEqual([]);
  });

  it('never answers an out-of-scope paste as a confident Claude API error', () => {
    expect(scores.filter((s) => s.confidentOnOutOfScope).map((s) => `${s.id} → ${s.got.entry}`)).toEqual([]);
  });
});
