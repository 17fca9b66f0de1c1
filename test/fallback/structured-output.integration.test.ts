import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FALLBACK_MODEL } from '../../src/fallback';
import { ANSWER_TOOL_NAME } from '../../src/fallback/answer-schema';
import { loadModels } from '../../src/models';
import {
  answerAsAsked,
  badRequest,
  type FakeAnthropic,
  forcedToolRejected,
  messageRequests,
  overloaded,
  startFakeAnthropic,
  textReply,
} from '../fakes/anthropic';
import { fallbackRequest, pickAnswer } from './support/fixtures';
import { fallbackFor, recordingMetrics } from './support/harness';

/**
 * Models that refuse a forced `tool_choice` (Opus 5.5, Sonnet 5.5, Fable 5.1/5.2, Mythos 5.1/5.2:
 * https://platform.claude.com/docs/en/models/opus-5-5/whats-new-opus-5-5 "Forced tool use returns
 * an error") get the same schema through structured outputs — real SDK, loopback fake.
 */
let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

type Body = { model: string; tools?: unknown[]; tool_choice?: unknown; output_config?: { format?: { type: string; schema: { properties: Record<string, unknown>; additionalProperties: boolean } } }; system: Array<{ text: string }> };
const bodies = (f: FakeAnthropic) => messageRequests(f).map((r) => r.body as Body);

describe('a model that refuses forced tool use', () => {
  it('is asked once more through structured outputs, with the same schema, and answers', async () => {
    fake = await startFakeAnthropic({ script: [forcedToolRejected(), answerAsAsked(pickAnswer())] });
    const { metrics, calls } = recordingMetrics();
    const outcome = await fallbackFor(fake, { ANTHROPIC_MODEL: 'claude-sonnet-5-5' }, { metrics }).explain(fallbackRequest());
    expect(outcome).toMatchObject({ kind: 'answer', model: 'claude-sonnet-5-5', entry: 'network-timeout', confidence: 0.7 });
    const [forced, structured] = bodies(fake);
    expect(forced!.tool_choice).toEqual({ type: 'tool', name: ANSWER_TOOL_NAME, disable_parallel_tool_use: true });
    expect(structured!.tools).toBeUndefined();
    expect(structured!.tool_choice).toBeUndefined();
    expect(structured!.output_config?.format?.type).toBe('json_schema');
    expect(Object.keys(structured!.output_config!.format!.schema.properties).sort()).toEqual(
      ['category', 'confidence', 'entry', 'explanation', 'fix', 'status', 'type'].sort(),
    );
    expect(structured!.output_config!.format!.schema.additionalProperties).toBe(false);
    expect(structured!.system.at(-1)!.text).toMatch(/no tools/);
    expect(calls).toEqual([expect.objectContaining({ outcome: 'answer', attempts: 2 })]);
  });

  it('remembers the model: the next paste goes straight to structured outputs', async () => {
    fake = await startFakeAnthropic({ script: [forcedToolRejected(), answerAsAsked(pickAnswer()), answerAsAsked(pickAnswer())] });
    const fallback = fallbackFor(fake, { ANTHROPIC_MODEL: 'claude-opus-5-5' });
    await fallback.explain(fallbackRequest({ cacheKey: 'first paste' }));
    const second = await fallback.explain(fallbackRequest({ cacheKey: 'second paste' }));
    expect(second).toMatchObject({ kind: 'answer' });
    expect(bodies(fake).map((b) => (b.output_config ? 'structured' : 'forced-tool'))).toEqual(['forced-tool', 'structured', 'structured']);
  });

  it('makes one extra request at most: a failed structured request is not retried', async () => {
    fake = await startFakeAnthropic({ script: [forcedToolRejected(), overloaded(), answerAsAsked(pickAnswer())] });
    const outcome = await fallbackFor(fake, { ANTHROPIC_MODEL: 'claude-fable-5-2' }).explain(fallbackRequest());
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'overloaded' });
    expect(messageRequests(fake)).toHaveLength(2);
  });

  it('validates the structured answer exactly as a tool call', async () => {
    for (const reply of [answerAsAsked(pickAnswer('definitely-not-an-entry')), answerAsAsked({ ...pickAnswer(), shell: 'rm -rf /' }), textReply('{"entry": "none", "expl')]) {
      fake = await startFakeAnthropic({ script: [forcedToolRejected(), reply] });
      const outcome = await fallbackFor(fake, { ANTHROPIC_MODEL: 'claude-sonnet-5-5' }).explain(fallbackRequest());
      expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'invalid_answer' });
      await fake.close();
    }
    fake = undefined;
  });

  it('does not switch on any other 400', async () => {
    fake = await startFakeAnthropic({ script: [badRequest('messages: field required'), answerAsAsked(pickAnswer())] });
    const outcome = await fallbackFor(fake).explain(fallbackRequest());
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'rejected' });
    expect(messageRequests(fake)).toHaveLength(1);
  });
});

describe('the default fallback model', () => {
  it('is the current small model of the models data, and is asked with the forced tool', async () => {
    expect(DEFAULT_FALLBACK_MODEL).toBe(loadModels().fallbackModel);
    fake = await startFakeAnthropic({ script: [answerAsAsked(pickAnswer())] });
    await fallbackFor(fake).explain(fallbackRequest());
    expect(bodies(fake)[0]).toMatchObject({ model: 'claude-haiku-5-5', tool_choice: { type: 'tool' } });
  });
});
