import { beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { type CaseScore, loadCorpus, scoreCase, summarize } from '../support/corpus';

/**
 * The same acceptance bar as the dev corpus, over real pastes the catalogue was not written from
 * (test/fixtures/holdout-7a.jsonl: a seventh independent round — 62 pastes from Claude Code and the Agent SDK found
 * by symptom rather than by error text (stops responding, retry spinners, login loops, compaction, session limits,
 * WSL, Bedrock / Vertex, proxies and relays, headless / SDK result payloads, subagents, hooks, MCP), in English,
 * Spanish, Portuguese, Japanese, Korean and Chinese, with local-only failures (hooks, MCP dispatch, SDK start-up) as
 * out-of-scope or unknown look-alikes): ≥ 95 % right category (alt_categories count), ≥ 95 % right status and type
 * where the case states them, every expected word in the reply, and no confident Claude-error answer on an
 * out-of-scope paste.
 */
describe('seventh held-out corpus (7a, Claude Code and the Agent SDK, long tail)', () => {
  const cases = loadCorpus('holdout-7a.jsonl');
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
