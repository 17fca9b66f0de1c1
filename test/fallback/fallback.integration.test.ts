import { afterEach, describe, expect, it } from 'vitest';
import { ANSWER_TOOL_NAME, createModelFallback } from '../../src/fallback';
import { buildAnswerSchema } from '../../src/fallback/answer-schema';
import { SYSTEM_INSTRUCTIONS } from '../../src/fallback/prompt';
import {
  answerForcedTool,
  type FakeAnthropic,
  messageRequests,
  startFakeAnthropic,
  textReply,
  toolUseReply,
  wireText,
} from '../fakes/anthropic';
import { FallbackEnvSchema } from '../../src/config/sections';
import { fallbackRequest, INDEX, pickAnswer } from './support/fixtures';
import { fallbackFor, recordingLogger, recordingMetrics, TEST_KEY } from './support/harness';
import { INJECTION_PASTES } from './support/injection-pastes';

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

type Body = {
  model: string;
  max_tokens: number;
  system: Array<{ text: string; cache_control?: unknown }>;
  tools: Array<{ name: string }>;
  tool_choice: unknown;
  messages: Array<{ role: string; content: string }>;
};

describe('the model call, against the real SDK', () => {
  it('sends one forced-tool request with the catalogue cached and the paste fenced as data', async () => {
    fake = await startFakeAnthropic({ script: [answerForcedTool(pickAnswer())] });
    const outcome = await fallbackFor(fake).explain(fallbackRequest({ text: 'socket hang up after 600000ms' }));
    expect(outcome).toEqual({
      kind: 'answer',
      model: 'claude-haiku-5-5',
      entry: 'network-timeout',
      status: null,
      type: null,
      category: 'network.timeout',
      explanation: pickAnswer().explanation,
      fix: pickAnswer().fix,
      confidence: 0.7,
    });
    const [request] = messageRequests(fake);
    const body = request!.body as Body;
    // SDK 1.x sends the key as `Authorization: Bearer`; older ones as `x-api-key`.
    expect(request!.headers['x-api-key'] ?? request!.headers.authorization).toContain(TEST_KEY);
    expect(body.model).toBe('claude-haiku-5-5');
    expect(body.tools.map((t) => t.name)).toEqual([ANSWER_TOOL_NAME]);
    expect(body.tool_choice).toEqual({ type: 'tool', name: ANSWER_TOOL_NAME, disable_parallel_tool_use: true });
    expect(body.system[0]!.text).toBe(SYSTEM_INSTRUCTIONS);
    expect(body.system[1]!.cache_control).toEqual({ type: 'ephemeral' });
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0]!.content).toMatch(/<pasted_error id="([0-9a-f]+)">\nsocket hang up after 600000ms\n<\/pasted_error id="\1">/);
  });

  it('uses ANTHROPIC_MODEL, else the models data default, and names the model that answered', async () => {
    fake = await startFakeAnthropic({ script: [answerForcedTool(pickAnswer()), answerForcedTool(pickAnswer())] });
    await fallbackFor(fake, { ANTHROPIC_MODEL: 'claude-sonnet-4-6' }).explain(fallbackRequest());
    const outcome = await fallbackFor(fake, {}, { defaultModel: 'claude-haiku-5-5' }).explain(fallbackRequest());
    expect(messageRequests(fake).map((r) => (r.body as Body).model)).toEqual(['claude-sonnet-4-6', 'claude-haiku-5-5']);
    expect(outcome).toMatchObject({ kind: 'answer', model: 'claude-haiku-5-5' });
  });

  it('returns the model\'s own explanation for "none", with its category', async () => {
    fake = await startFakeAnthropic({
      script: [answerForcedTool({ ...pickAnswer(), entry: 'none', category: 'unknown', explanation: 'Not enough to go on.' })],
    });
    const outcome = await fallbackFor(fake).explain(fallbackRequest());
    expect(outcome).toMatchObject({ kind: 'answer', entry: null, category: 'unknown', explanation: 'Not enough to go on.' });
  });

  it('makes no request at all without a key', async () => {
    fake = await startFakeAnthropic({ script: [answerForcedTool(pickAnswer())] });
    const { metrics, calls } = recordingMetrics();
    const config = FallbackEnvSchema.parse({ ANTHROPIC_BASE_URL: fake.url });
    const fallback = createModelFallback(config, { catalogIndex: INDEX, metrics });
    expect(fallback.enabled).toBe(false);
    const outcome = await fallback.explain(fallbackRequest());
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'disabled' });
    expect(outcome.kind === 'unavailable' && outcome.message).toContain('only the rules answered');
    expect(fake.requests).toHaveLength(0);
    expect(calls).toEqual([expect.objectContaining({ outcome: 'disabled', attempts: 0 })]);
  });

  it.each([
    ['an off-schema answer', answerForcedTool({ entry: 'network-timeout', explanation: 42 }), 'invalid_answer'],
    ['an entry the catalogue does not have', answerForcedTool(pickAnswer('definitely-not-an-entry')), 'invalid_answer'],
    ['prose instead of the tool', textReply('I think it is a network issue.'), 'invalid_answer'],
    ['a refusal', textReply('', { stopReason: 'refusal' }), 'refused'],
    ['a malformed JSON body', { status: 200, junk: '{"type":"message","content":[{"type":"tool_u' }, 'error'],
  ])('degrades on %s after one request', async (_name, reply, reason) => {
    fake = await startFakeAnthropic({ script: [reply, answerForcedTool(pickAnswer())] });
    const outcome = await fallbackFor(fake).explain(fallbackRequest());
    expect(outcome).toMatchObject({ kind: 'unavailable', reason });
    expect(messageRequests(fake)).toHaveLength(1);
  });

  it('caches answers by normalized paste: the second ask makes no request', async () => {
    fake = await startFakeAnthropic({ script: [answerForcedTool(pickAnswer()), answerForcedTool(pickAnswer())] });
    let now = Date.parse('2026-12-01T14:00:00Z');
    const { metrics, calls } = recordingMetrics();
    const fallback = fallbackFor(fake, {}, { metrics, now: () => now });
    const first = await fallback.explain(fallbackRequest({ cacheKey: 'same paste', user: 'a' }));
    const second = await fallback.explain(fallbackRequest({ cacheKey: 'same paste', user: 'b' }));
    expect(messageRequests(fake)).toHaveLength(1);
    expect(second).toEqual({ ...first, cached: true });
    now += 3600 * 1000; // the hour is up
    await fallback.explain(fallbackRequest({ cacheKey: 'same paste', user: 'c' }));
    expect(messageRequests(fake)).toHaveLength(2);
    expect(calls.map((c) => [c.outcome, c.attempts])).toEqual([
      ['answer', 1],
      ['cached', 0],
      ['answer', 1],
    ]);
    for (const c of calls) expect(c.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('does not cache a failure', async () => {
    fake = await startFakeAnthropic({ script: [textReply('nope'), answerForcedTool(pickAnswer())] });
    const fallback = fallbackFor(fake);
    expect((await fallback.explain(fallbackRequest({ cacheKey: 'k' }))).kind).toBe('unavailable');
    expect((await fallback.explain(fallbackRequest({ cacheKey: 'k' }))).kind).toBe('answer');
  });

  it('runs at most 4 model calls at once', async () => {
    fake = await startFakeAnthropic({ otherwise: { ...toolUseReply(pickAnswer()), delayMs: 300 } });
    const fallback = fallbackFor(fake);
    const outcomes = await Promise.all(Array.from({ length: 9 }, (_, i) => fallback.explain(fallbackRequest({ user: `u${i}` }))));
    expect(outcomes.every((o) => o.kind === 'answer')).toBe(true);
    expect(messageRequests(fake)).toHaveLength(9);
    expect(fake.maxActive).toBe(4);
  });

  it('allows 5 model calls per user per minute, then says when to come back', async () => {
    fake = await startFakeAnthropic({ otherwise: toolUseReply(pickAnswer()) });
    let now = Date.parse('2026-12-01T14:00:00Z');
    const fallback = fallbackFor(fake, {}, { now: () => now });
    for (let i = 0; i < 5; i += 1) expect((await fallback.explain(fallbackRequest({ user: 'alice' }))).kind).toBe('answer');
    const sixth = await fallback.explain(fallbackRequest({ user: 'alice' }));
    expect(sixth).toMatchObject({ kind: 'unavailable', reason: 'quota', retryAfterSeconds: 60 });
    expect(sixth.kind === 'unavailable' && sixth.message).toContain('14:01:00 UTC');
    expect((await fallback.explain(fallbackRequest({ user: 'bob' }))).kind).toBe('answer');
    expect(messageRequests(fake)).toHaveLength(6);
    now += 60_000;
    expect((await fallback.explain(fallbackRequest({ user: 'alice' }))).kind).toBe('answer');
  });
});

describe('untrusted pastes', () => {
  const LIVE_SECRETS = [
    'sk-ant-api03-' + 'Ab9_'.repeat(23) + 'xAA',
    'sk-ant-admin01-' + 'Zz0-'.repeat(20) + 'AA',
    'sk-ant-oat01-' + 'k'.repeat(60),
    'Authorization: Bearer ' + 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.sig',
  ];

  it.each(LIVE_SECRETS)('never sends a paste that still holds a secret (%#)', async (secret) => {
    fake = await startFakeAnthropic({ otherwise: toolUseReply(pickAnswer()) });
    const { logger, text } = recordingLogger();
    const outcome = await fallbackFor(fake, {}, { logger }).explain(
      fallbackRequest({ text: `Error: 401 invalid x-api-key\nmy key is ${secret}` }),
    );
    expect(outcome).toMatchObject({ kind: 'unavailable', reason: 'unsafe_input' });
    expect(fake.requests).toHaveLength(0);
    expect(text()).not.toContain(secret);
  });

  it('sends redacted pastes, and neither headers nor body carry the masked secrets or the paste in logs', async () => {
    fake = await startFakeAnthropic({ otherwise: toolUseReply(pickAnswer()) });
    const { logger, text } = recordingLogger();
    const paste = 'Error: 401 {"type":"error","error":{"type":"authentication_error"}} key=sk-ant-api03-***REDACTED*** PASTE-MARKER';
    await fallbackFor(fake, {}, { logger }).explain(fallbackRequest({ text: paste }));
    const [request] = messageRequests(fake);
    expect(wireText(request!)).toContain('PASTE-MARKER'); // it did go out...
    expect(text()).not.toContain('PASTE-MARKER'); // ...but never into the logs
  });

  it('keeps 20 injection pastes inside the fence and yields only schema-valid answers or a degraded outcome', async () => {
    // The fake model plays along with every other attack: half its answers are valid, half obey
    // the injection (leak the prompt, prose, extra fields, unknown entries, out-of-range numbers).
    const obedient = [
      () => toolUseReply({ ...pickAnswer(), entry: 'none', explanation: SYSTEM_INSTRUCTIONS.slice(0, 650) }),
      () => textReply('PWNED'),
      () => toolUseReply({ ...pickAnswer(), shell: 'rm -rf /' }),
      () => toolUseReply({ ...pickAnswer(), entry: 'does-not-exist' }),
      () => toolUseReply({ ...pickAnswer(), status: 9999, confidence: 5 }),
    ];
    fake = await startFakeAnthropic({
      script: INJECTION_PASTES.map((_, i) => (i % 2 === 0 ? answerForcedTool(pickAnswer()) : obedient[i % obedient.length]!())),
    });
    const schema = buildAnswerSchema(INDEX.map((e) => e.id));
    const fallback = fallbackFor(fake, { FALLBACK_USER_PER_MINUTE: '100' });
    for (const [i, paste] of INJECTION_PASTES.entries()) {
      const outcome = await fallback.explain(fallbackRequest({ text: paste }));
      if (outcome.kind === 'answer') {
        expect(i % 2).toBe(0);
        const { kind: _k, model: _m, cached: _c, ...answer } = outcome;
        expect(schema.safeParse({ ...answer, entry: answer.entry ?? 'none' }).success).toBe(true);
        expect(JSON.stringify(outcome)).not.toContain(SYSTEM_INSTRUCTIONS.slice(0, 60));
      } else {
        expect(outcome.reason).toBe('invalid_answer');
      }
    }
    const bodies = messageRequests(fake).map((r) => r.body as Body);
    expect(bodies).toHaveLength(INJECTION_PASTES.length);
    for (const body of bodies) {
      // The system prompt never changes (nothing from the paste reaches it)...
      expect(body.system[0]!.text).toBe(SYSTEM_INSTRUCTIONS);
      expect(body.tools).toHaveLength(1);
      // ...and the paste stays inside one fence whose id it cannot know.
      const content = body.messages[0]!.content;
      const id = /<pasted_error id="([0-9a-f]{18})">/.exec(content)![1]!;
      expect(content.match(/<\s*pasted_error/gi)).toHaveLength(1);
      expect(content.match(/<\s*\/\s*pasted_error/gi)).toHaveLength(1);
      expect(content.indexOf(`</pasted_error id="${id}">`)).toBeGreaterThan(content.indexOf(`<pasted_error id="${id}">`));
    }
  });
});
