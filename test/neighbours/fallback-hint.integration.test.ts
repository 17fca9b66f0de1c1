import { afterEach, describe, expect, it } from 'vitest';
import { FallbackEnvSchema } from '../../src/config/sections';
import { createDoctor } from '../../src/doctor';
import { createModelFallback } from '../../src/fallback';
import { HEDGED_CONFIDENCE, SecondOpinion } from '../../src/neighbours';
import { answerForcedTool, type FakeAnthropic, fakeAnthropicEnv, messageRequests, noneAnswer, overloaded, startFakeAnthropic } from '../fakes/anthropic';
import { catalog, RATE_LIMIT, row } from './support';

/**
 * A confident rules answer doubted by a strong neighbour, with a key: the real fallback and SDK
 * against the loopback Messages API. The model is asked once, with the neighbour as a hint.
 */
let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function doctorFor(fake: FakeAnthropic) {
  const fallback = createModelFallback(FallbackEnvSchema.parse({ ...fakeAnthropicEnv(fake), FALLBACK_DEADLINE_MS: '3000' }), {
    catalogIndex: catalog.map(({ id, title, category }) => ({ id, title, category })),
    sleep: async () => {},
  });
  // The same paste labelled as another error: the strongest possible disagreement.
  return createDoctor({ catalog, fallback, secondOpinion: SecondOpinion.fromRows([row('hz-003', RATE_LIMIT, 'out_of_scope', 'other-provider-error')], catalog) });
}

describe('the second opinion with the model fallback', () => {
  it('asks the model with the neighbour as a hint, and answers with what the model picked', async () => {
    fake = await startFakeAnthropic({ script: [answerForcedTool({ ...noneAnswer(), entry: 'rate-limit', status: 429, type: 'rate_limit_error', category: 'rate_limit', confidence: 0.9 })] });
    const d = await doctorFor(fake).diagnose({ platform: 'test', text: RATE_LIMIT });
    const [request] = messageRequests(fake);
    const turn = JSON.stringify((request!.body as { messages: unknown }).messages);
    expect(turn).toMatch(/the most similar labelled paste was other-provider-error \(out_of_scope, similarity 1\.00\)/);
    expect(d).toMatchObject({ source: 'model', entry: 'rate-limit', category: 'rate_limit', confidence: 0.9 });
  });

  it('keeps the rules answer, hedged, when the model cannot be reached', async () => {
    fake = await startFakeAnthropic({ script: [overloaded(), overloaded(), overloaded(), overloaded()] });
    const d = await doctorFor(fake).diagnose({ platform: 'test', text: RATE_LIMIT });
    expect(d).toMatchObject({ source: 'rules', entry: 'rate-limit', confidence: HEDGED_CONFIDENCE });
    expect(d.warnings).toContain('model-unavailable');
    expect(d.title).toMatch(/^Possibly: /);
  });
});
