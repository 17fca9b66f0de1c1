import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCommands, inviteUrl } from '../../adapters/discord/commands';
import { main, registerCommands } from '../../adapters/discord/register';
import { type FakeDiscord, snowflake, startFakeDiscord } from '../fakes/discord';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const envFor = (f: FakeDiscord, extra: Record<string, string> = {}) => ({
  DISCORD_TOKEN: f.token,
  DISCORD_APPLICATION_ID: f.applicationId,
  DISCORD_API_URL: f.apiUrl,
  ...extra,
});

describe('the /claude-error command payload', () => {
  it('has the three options, a 6000-character error, and the server, bot-DM and user-install contexts', () => {
    const [command] = buildCommands('global');
    expect(command).toMatchObject({ name: 'claude-error', type: 1, contexts: [0, 1, 2], integration_types: [0, 1] });
    expect(command!.description.length).toBeLessThanOrEqual(100);
    expect(command!.options).toEqual([
      expect.objectContaining({ name: 'error', type: 3, max_length: 6000, required: false }),
      expect.objectContaining({ name: 'screenshot', type: 11, required: false }),
      expect.objectContaining({ name: 'private', type: 5, required: false }),
    ]);
    for (const option of command!.options ?? []) expect(option.description.length).toBeLessThanOrEqual(100);
  });

  it('leaves contexts out for a guild registration, where Discord does not use them', () => {
    const [command] = buildCommands('guild');
    expect(command).not.toHaveProperty('contexts');
    expect(command).not.toHaveProperty('integration_types');
    expect(command!.options).toHaveLength(3);
  });

  it('builds an invite URL with the bot and applications.commands scopes', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    // View Channel, Send Messages, Embed Links, and Read Message History (replies in watched channels).
    expect(url.searchParams.get('permissions')).toBe('84992');
  });
});

describe('the "Diagnose error" message command payload', () => {
  it('is a type 3 command with no description, in the same contexts as /claude-error', () => {
    const [slash, message] = buildCommands('global');
    expect(message).toEqual({ type: 3, name: 'Diagnose error', contexts: slash.contexts, integration_types: slash.integration_types });
    expect(message.name.length).toBeLessThanOrEqual(32);
  });

  it('is registered in the same bulk PUT, which would otherwise delete it', async () => {
    fake = await startFakeDiscord();
    const result = await registerCommands(envFor(fake));
    expect(fake.rest.calls).toHaveLength(1);
    expect((fake.rest.calls[0]!.body as Array<{ type: number }>).map((c) => c.type)).toEqual([1, 3]);
    expect(result.commands.map((c) => c.name)).toEqual(['claude-error', 'Diagnose error']);
  });

  it('leaves contexts out for a guild registration too', () => {
    const [, message] = buildCommands('guild');
    expect(message).toEqual({ type: 3, name: 'Diagnose error' });
  });
});

describe('npm run discord:register', () => {
  it('registers globally with one bulk PUT', async () => {
    fake = await startFakeDiscord();
    const result = await registerCommands(envFor(fake));
    expect(result.scope).toBe('global');
    expect(fake.rest.calls.map((c) => `${c.method} ${c.path}`)).toEqual([`PUT /applications/${fake.applicationId}/commands`]);
    expect(fake.rest.calls[0]!.authorized).toBe(true);
    expect(fake.rest.calls[0]!.body).toEqual(buildCommands('global'));
  });

  it('registers in one server when DISCORD_GUILD_ID is set', async () => {
    fake = await startFakeDiscord();
    const guild = snowflake();
    await registerCommands(envFor(fake, { DISCORD_GUILD_ID: guild }));
    expect(fake.rest.calls.map((c) => `${c.method} ${c.path}`)).toEqual([`PUT /applications/${fake.applicationId}/guilds/${guild}/commands`]);
  });

  it('names the missing setting when the Discord settings are incomplete', async () => {
    const errors: string[] = [];
    const code = await main({ DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.abc.def' }, { log: () => {}, error: (m: string) => errors.push(m) });
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain('DISCORD_APPLICATION_ID');
  });

  it('explains a rejected token', async () => {
    fake = await startFakeDiscord();
    const errors: string[] = [];
    const code = await main(envFor(fake, { DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.not.the-right-one' }), { log: () => {}, error: (m: string) => errors.push(m) });
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/rejected DISCORD_TOKEN \(401\)/);
  });

  it('runs as a script (tsx adapters/discord/register.ts) and exits 0', async () => {
    fake = await startFakeDiscord();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'adapters/discord/register.ts'], {
      env: { PATH: process.env.PATH, ...envFor(fake) },
      timeout: 30_000,
    });
    expect(stdout).toContain('Registered /claude-error and "Diagnose error" (message menu → Apps) globally');
    expect(stdout).toContain('https://discord.com/oauth2/authorize?client_id=');
    expect(fake.rest.calls).toHaveLength(1);
  });
});
