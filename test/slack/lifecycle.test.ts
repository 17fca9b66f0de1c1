import { describe, expect, it } from 'vitest';
import { createSlackAdapter, SlackAdapterError } from '../../adapters/slack';
import { webClientOptions } from '../../adapters/slack/bolt-app';
import { FakeSlack } from '../fakes/slack/fake-slack';
import { realDoctor } from './support/test-doctor';
import { recordingLogger } from './support/harness';

describe('lifecycle and client settings', () => {
  it('bounds every Web API call: timeout at most 10 s, at most 3 retries, SLACK_API_URL honoured', () => {
    const options = webClientOptions({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'http://127.0.0.1:9/api', PORT: 3000 });
    expect(options.timeout).toBeLessThanOrEqual(10_000);
    expect(options.timeout).toBeGreaterThan(0);
    expect(options.retryConfig?.retries).toBeLessThanOrEqual(3);
    expect(options.slackApiUrl).toBe('http://127.0.0.1:9/api/');
    expect(webClientOptions({ SLACK_BOT_TOKEN: 'xoxb-1', PORT: 3000 }).slackApiUrl).toBeUndefined();
  });

  it('fails start() with a clear error when Slack rejects the bot token', async () => {
    const fake = await FakeSlack.start();
    try {
      const adapter = createSlackAdapter(
        { SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_APP_TOKEN: 'xapp-1-wrong', SLACK_API_URL: fake.apiUrl, PORT: 0 },
        realDoctor(),
        { logger: recordingLogger() },
      );
      const error = await adapter.start().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SlackAdapterError);
      expect(error).toMatchObject({ code: 'auth_failed', message: expect.stringContaining('invalid_auth') });
      expect(adapter.state()).toBe('down');
      expect(fake.callsTo('apps.connections.open')).toHaveLength(0);
    } finally {
      await fake.close();
    }
  });

  it('reports starting, up and down in HTTP mode', async () => {
    const fake = await FakeSlack.start();
    const adapter = createSlackAdapter(
      { SLACK_BOT_TOKEN: 'xoxb-test-0000-fake', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl, PORT: 0 },
      realDoctor(),
      { logger: recordingLogger() },
    );
    expect(adapter.state()).toBe('down');
    const starting = adapter.start();
    expect(adapter.state()).toBe('starting');
    await starting;
    expect(adapter.state()).toBe('up');
    expect(adapter.httpPort()).toBeGreaterThan(0);
    await adapter.stop();
    expect(adapter.state()).toBe('down');
    expect(adapter.httpPort()).toBeNull();
    await fake.close();
  });
});
