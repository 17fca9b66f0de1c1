import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { checkSetup } from '../../src/ops/check';

const DISCORD = { DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.abcdef.ghijklmnopqrstuvwxyz', DISCORD_APPLICATION_ID: '123456789012345678' };
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A0-1-abc' };

function problems(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('watched channel settings', () => {
  it('read comma- or space-separated channel ids, dropping repeats', () => {
    const config = loadConfig({ ...SLACK, ...DISCORD, SLACK_WATCH_CHANNELS: 'C0123ABCDEF, G0456GHIJKL C0123ABCDEF', DISCORD_WATCH_CHANNELS: '223456789012345678,323456789012345678' });
    expect(config.slack?.SLACK_WATCH_CHANNELS).toEqual(['C0123ABCDEF', 'G0456GHIJKL']);
    expect(config.discord?.DISCORD_WATCH_CHANNELS).toEqual(['223456789012345678', '323456789012345678']);
  });

  it('watch nothing and allow 20 answers per channel per hour when unset', () => {
    const config = loadConfig({ ...SLACK, ...DISCORD });
    expect(config.slack?.SLACK_WATCH_CHANNELS).toBeUndefined();
    expect(config.discord?.DISCORD_WATCH_CHANNELS).toBeUndefined();
    expect(config.watch.WATCH_ANSWERS_PER_HOUR).toBe(20);
  });

  it('say in plain words what a channel id looks like and where to find it', () => {
    expect(problems({ ...SLACK, ...DISCORD, SLACK_WATCH_CHANNELS: '#help', DISCORD_WATCH_CHANNELS: 'help-channel', WATCH_ANSWERS_PER_HOUR: 'lots' })).toEqual([
      { variable: 'SLACK_WATCH_CHANNELS', adapter: 'slack', message: expect.stringMatching(/channel ids separated by commas, such as C0123ABCDEF .*Channel ID/) },
      { variable: 'DISCORD_WATCH_CHANNELS', adapter: 'discord', message: expect.stringMatching(/channel ids \(numbers\).*Copy Channel ID/) },
      { variable: 'WATCH_ANSWERS_PER_HOUR', adapter: 'watched channels', message: 'must be a whole number of answers per channel per hour, 1 or more' },
    ]);
    expect(problems({ WATCH_ANSWERS_PER_HOUR: '0' })).toHaveLength(1);
  });

  it('turn an adapter on, so a watch list without a token names the missing token', () => {
    expect(problems({ DISCORD_WATCH_CHANNELS: '223456789012345678' }).map((p) => p.variable)).toEqual(['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID']);
  });
});

describe('--check with watched channels', () => {
  it('lists each watch list and the limit, and says a Discord list needs the Message Content intent', () => {
    const { ok, report } = checkSetup({ ...SLACK, ...DISCORD, SLACK_WATCH_CHANNELS: 'C0123ABCDEF', DISCORD_WATCH_CHANNELS: '223456789012345678', WATCH_ANSWERS_PER_HOUR: '6' });
    expect(ok).toBe(true);
    expect(report).toContain('at most 6 per channel per hour');
    expect(report).toContain('slack: C0123ABCDEF');
    expect(report).toContain('discord: 223456789012345678');
    expect(report).toMatch(/Message Content intent[\s\S]*Privileged Gateway Intents/);
  });

  it('says nothing about the intent when only Slack watches', () => {
    const { report } = checkSetup({ ...SLACK, SLACK_WATCH_CHANNELS: 'C0123ABCDEF' });
    expect(report).toContain('slack: C0123ABCDEF');
    expect(report).not.toContain('Message Content');
  });
});
