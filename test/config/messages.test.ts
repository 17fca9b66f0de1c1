import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, logLevel } from '../../src/config';
import { checkSetup } from '../../src/ops/check';

const problemsOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
};

/** Settings errors reach whoever deploys the bot: plain words, never a validator's own texts. */
describe('settings errors in plain words', () => {
  it.each([
    [{ FALLBACK_DEADLINE_MS: 'abc' }, 'FALLBACK_DEADLINE_MS (model fallback): must be a whole number 1 or more, such as 30000'],
    [{ FALLBACK_DEADLINE_MS: '1.5' }, 'must be a whole number 1 or more'],
    [{ FALLBACK_DEADLINE_MS: '-5' }, 'must be a whole number 1 or more'],
    [{ HEALTH_PORT: '70000' }, 'HEALTH_PORT (operations): must be a whole number from 0 to 65535, such as 8080'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL (operations): must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ OCR_ENABLED: 'maybe' }, 'OCR_ENABLED (screenshots (OCR)): must be true or false'],
    [{ OCR_MAX_WAITING: 'x' }, 'must be a whole number 0 or more, such as 8'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN (slack): is required for Slack'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'not a url' }, 'SLACK_API_URL (slack): must be an http(s) URL'],
  ])('%j', (env, expected) => {
    const message = problemsOf(env);
    expect(message).toContain(expected);
    expect(message).not.toMatch(/expected (number|int|string|one of)|received|NaN|Invalid (input|option|URL)|Too (small|big)|problem\(s\)/);
  });

  it('reports one problem per variable, and counts them in words', () => {
    const message = problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'ftp://x' });
    expect(message.match(/SLACK_API_URL/g)).toHaveLength(1);
    expect(message).toMatch(/^1 problem in the settings:/);
    expect(checkSetup({ LOG_LEVEL: 'loud', HEALTH_PORT: 'x' }).report).toMatch(/^claude-error-doctor: 2 problems:/);
  });
});

describe('settings the offline CLI uses', () => {
  it('a half-filled Slack section does not stop the offline CLI (it reads no chat settings)', () => {
    expect(() => loadConfig({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(ConfigError);
    expect(loadConfig({ SLACK_APP_TOKEN: 'xapp-1', DISCORD_TOKEN: 'short' }, { chat: false })).toMatchObject({ slack: null, discord: null });
  });

  it('logs at warn in a terminal and info with a chat adapter, unless LOG_LEVEL says otherwise', () => {
    expect(logLevel(loadConfig({}).ops, 'terminal')).toBe('warn');
    expect(logLevel(loadConfig({}).ops, 'chat')).toBe('info');
    expect(logLevel(loadConfig({ LOG_LEVEL: 'debug' }).ops, 'terminal')).toBe('debug');
  });

  it('--check reports the level the console really logs at', () => {
    expect(checkSetup({}).report).toMatch(/logs: level warn \(default in the console/);
    expect(checkSetup({ LOG_LEVEL: 'error' }).report).toMatch(/logs: level error, JSON lines/);
    expect(checkSetup({ DISCORD_TOKEN: 'x'.repeat(30), DISCORD_APPLICATION_ID: '123456789012345678' }).report).toMatch(/logs: level info \(default with a chat adapter/);
  });
});
