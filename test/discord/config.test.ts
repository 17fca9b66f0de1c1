import { describe, expect, it } from 'vitest';
import { restBase } from '../../adapters/discord/client';
import { ConfigError, loadConfig } from '../../src/config';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.abcdef.ghijklmnopqrstuvwxyz';

describe('Discord settings', () => {
  it('leave Discord off when none is set', () => {
    expect(loadConfig({}).discord).toBeNull();
  });

  it('accept token + application id, with optional guild and API URL', () => {
    const { discord } = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
    });
    expect(discord).toEqual({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
    });
  });

  it('name the missing variable and where to find its value', () => {
    const error = (() => {
      try {
        loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: '' });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      { variable: 'DISCORD_APPLICATION_ID', adapter: 'discord', message: expect.stringContaining('General Information') },
    ]);
  });

  it('take the REST base with or without the API version', () => {
    expect(restBase('https://proxy.example/discord/api')).toBe('https://proxy.example/discord/api');
    expect(restBase('https://proxy.example/discord/api/v10/')).toBe('https://proxy.example/discord/api');
    expect(restBase(undefined)).toBeUndefined();
  });
});
