import { afterEach, describe, expect, it } from 'vitest';
import { createAppDoctor } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { createLiveModelList } from '../../src/models/live-model-list';
import { errorReply, type FakeAnthropic, fakeAnthropicEnv, hang, startFakeAnthropic } from '../fakes/anthropic';
import { recordingLogger } from '../fallback/support/harness';

/** The live model list through the real SDK against the loopback fake's `GET /v1/models`. */
let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const modelRequests = (f: FakeAnthropic) => f.requests.filter((r) => r.method === 'GET' && r.path === '/v1/models');
const listFor = (f: FakeAnthropic, extra: Partial<Parameters<typeof createLiveModelList>[0]> = {}) =>
  createLiveModelList({ apiKey: 'sk-ant-test-live-list-0001', baseURL: f.url, ...extra });

describe('the live model list (GET /v1/models)', () => {
  it('reads every page, keeps active and deprecated ids, and drops retired ones', async () => {
    const ids = Array.from({ length: 45 }, (_, i) => `claude-test-${i}`);
    fake = await startFakeAnthropic({
      models: [...ids, { id: 'claude-opus-4-5', lifecycle: 'deprecated' }, { id: 'claude-sonnet-4-5', lifecycle: 'retired' }],
    });
    const listed = await listFor(fake, { pageSize: 20 }).ids();
    expect([...listed!].sort()).toEqual([...ids, 'claude-opus-4-5'].sort());
    const requests = modelRequests(fake);
    expect(requests.map((r) => [r.query.get('limit'), r.query.get('after_id')])).toEqual([
      ['20', null],
      ['20', 'claude-test-19'],
      ['20', 'claude-test-39'],
    ]);
    // The SDK 1.x sends the key as a bearer token, older ones as x-api-key.
    expect(requests[0]!.headers.authorization ?? requests[0]!.headers['x-api-key']).toContain('sk-ant-test-live-list-0001');
  });

  it('reuses the list for an hour, then reads it again', async () => {
    fake = await startFakeAnthropic({ models: ['claude-opus-6'] });
    let now = Date.parse('2026-12-07T12:00:00Z');
    const list = listFor(fake, { now: () => now });
    const [a, b] = await Promise.all([list.ids(), list.ids()]);
    expect(a).toBe(b);
    await list.ids();
    expect(modelRequests(fake)).toHaveLength(1);
    now += 3_600_000;
    expect((await list.ids())?.has('claude-opus-6')).toBe(true);
    expect(modelRequests(fake)).toHaveLength(2);
  });

  it('gives up silently when the API does not answer in time, and does not ask again at once', async () => {
    fake = await startFakeAnthropic({ modelsReply: hang() });
    const { logger, lines } = recordingLogger();
    let now = Date.parse('2026-12-07T12:00:00Z');
    const list = listFor(fake, { timeoutMs: 300, now: () => now, logger });
    expect(await list.ids()).toBeNull(); // the fake never answers: only the timeout ends this
    expect(await list.ids()).toBeNull();
    expect(modelRequests(fake)).toHaveLength(1);
    expect(lines.map((l) => l.level)).toEqual(['debug']);
    now += 300_000;
    await list.ids();
    expect(modelRequests(fake)).toHaveLength(2);
  });

  it('treats an error answer as "unknown"', async () => {
    fake = await startFakeAnthropic({ modelsReply: errorReply(401, 'authentication_error', 'invalid x-api-key') });
    expect(await listFor(fake).ids()).toBeNull();
  });
});

describe('the bot with a key asks the live list only for ids its data does not know', () => {
  const paste = (id: string) => `anthropic.NotFoundError: Error code: 404 - {'type': 'error', 'error': {'type': 'not_found_error', 'message': 'model: ${id}'}}`;

  it('calls an id the API lists valid, and never waits on the list for a known id', async () => {
    fake = await startFakeAnthropic({ models: ['claude-opus-6', 'claude-haiku-5-5'] });
    const doctor = await createAppDoctor(loadConfig({ ...fakeAnthropicEnv(fake), OCR_ENABLED: 'false' }));
    try {
      const known = await doctor.diagnose({ platform: 'test', text: paste('claude-haiku-5-5') });
      expect(known.document.facts.join('\n')).toContain('`claude-haiku-5-5` is a valid model id');
      expect(modelRequests(fake)).toHaveLength(0);

      const newer = await doctor.diagnose({ platform: 'test', text: paste('claude-opus-6') });
      expect(newer.document.facts.join('\n')).toContain("`claude-opus-6` is in the model list the API returns to this bot's own key");
      const unlisted = await doctor.diagnose({ platform: 'test', text: paste('claude-opus-7') });
      expect(unlisted.document.facts.join('\n')).toContain('`claude-opus-7` is not in my model list (verified 2026-12-07) — it may be newer');
      expect(modelRequests(fake)).toHaveLength(1); // cached
      expect(fake.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(0); // rules answered
    } finally {
      await doctor.close();
    }
  });
});
