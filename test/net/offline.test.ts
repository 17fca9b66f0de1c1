import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { main as register } from '../../adapters/discord/register';
import { createSlackAdapter, SlackAdapterError } from '../../adapters/slack';
import { describeNetworkFailure, networkFailure } from '../../src/net';
import { realDoctor } from '../slack/support/test-doctor';
import { recordingLogger } from '../slack/support/harness';

/** A loopback port nothing listens on: every connection to it is refused, no network involved. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('network failures are named as network failures', () => {
  it('finds the errno and host deep in an SDK error (Slack: WebAPIRequestError → fetch failed → ENOTFOUND)', () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND slack.com'), { code: 'ENOTFOUND', hostname: 'slack.com' });
    const wrapped = Object.assign(new Error('A request error occurred: fetch failed'), {
      code: 'slack_webapi_request_error',
      original: new TypeError('fetch failed', { cause: dns }),
    });
    const failure = networkFailure(wrapped)!;
    expect(describeNetworkFailure(failure, 'slack.com')).toBe('could not reach slack.com (DNS: the name does not resolve)');
    expect(networkFailure(Object.assign(new Error('An API error occurred: invalid_auth'), { code: 'slack_webapi_platform_error' }))).toBeNull();
  });

  it('Slack offline: start() says which host could not be reached, not that the token was rejected', async () => {
    const port = await closedPort();
    const adapter = createSlackAdapter(
      { SLACK_BOT_TOKEN: 'xoxb-test-0000-fake', SLACK_APP_TOKEN: 'xapp-1-fake', SLACK_API_URL: `http://127.0.0.1:${port}/api`, PORT: 0 },
      realDoctor(),
      { logger: recordingLogger() },
    );
    const error = await adapter.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackAdapterError);
    expect(error).toMatchObject({ code: 'connect_failed' });
    expect((error as Error).message).toMatch(new RegExp(`could not reach 127\\.0\\.0\\.1:${port} \\(connection refused\\)`));
    expect((error as Error).message).not.toMatch(/rejected/);
    expect(adapter.state()).toBe('down');
  });

  it('discord:register offline: says Discord could not be reached, not that the token is wrong', async () => {
    const port = await closedPort();
    const errors: string[] = [];
    const code = await register(
      { DISCORD_TOKEN: 'x'.repeat(24) + '.abcdef.ghijklmnop', DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_API_URL: `http://127.0.0.1:${port}/api` },
      { log: () => {}, error: (m: string) => errors.push(m) },
    );
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/could not reach .*\(connection refused\)/);
  });
});
