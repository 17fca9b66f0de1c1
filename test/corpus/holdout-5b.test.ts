import { beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { type CaseScore, loadCorpus, scoreCase, summarize } from '../support/corpus';

/**
 * The same acceptance bar as the dev corpus, over real pastes the catalogue was not written from
 * (test/fixtures/holdout-5b.jsonl: a fifth independent round — 44 code-level pastes: Python/TS SDK tracebacks,
 * LangChain (Python and JS), LlamaIndex, LiteLLM as a library (CrewAI, openai-agents, mini-swe-agent), instructor,
 * pydantic-ai, agno, inspect_ai, pipecat, RubyLLM, Prism PHP, Vercel AI SDK, Bedrock through frameworks, a browser
 * fetch dump, and 7 out-of-scope look-alikes from the same frameworks with other providers): ≥ 95 % right
 * category (alt_categories count), ≥ 95 % right status and type where the case states them, every
 * expected word in the reply, and no confident Claude-error answer on an out-of-scope paste.
 */
describe('fifth held-out corpus (5b, code-level pastes)', () => {
  const cases = loadCorpus('holdout-5b.jsonl');
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
