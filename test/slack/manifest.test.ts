import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { SHORTCUT } from '../../adapters/slack/shortcut-payload';

const ManifestSchema = z.object({
  display_information: z.object({ name: z.string().min(1).max(35), description: z.string().max(140) }),
  features: z.object({
    app_home: z.object({ messages_tab_enabled: z.boolean(), messages_tab_read_only_enabled: z.boolean() }),
    bot_user: z.object({ display_name: z.string() }),
    shortcuts: z.array(z.object({ name: z.string().min(1), type: z.enum(['message', 'global']), callback_id: z.string(), description: z.string().min(1) })),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean() }),
    socket_mode_enabled: z.boolean(),
  }),
});

const manifest = ManifestSchema.parse(parse(readFileSync(new URL('../../adapters/slack/manifest.yaml', import.meta.url), 'utf8')));

describe('the Slack app manifest', () => {
  it('asks for the scopes the adapter uses', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['app_mentions:read', 'chat:write', 'im:history', 'im:read', 'im:write', 'files:read', 'channels:history', 'groups:history']),
    );
  });

  it('subscribes to mentions, DMs and thread replies, with Socket Mode and interactivity on', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.im', 'message.channels', 'message.groups']),
    );
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('lets people write to the bot in its Messages tab', () => {
    expect(manifest.features.app_home).toEqual({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });
});

describe('the message shortcuts in the manifest', () => {
  it('declare both callback ids the adapter listens for, as message shortcuts', () => {
    const byId = new Map(manifest.features.shortcuts.map((s) => [s.callback_id, s]));
    expect(byId.get(SHORTCUT.inThread)).toMatchObject({ type: 'message', name: 'Diagnose this error' });
    expect(byId.get(SHORTCUT.privately)).toMatchObject({ type: 'message', name: 'Diagnose privately' });
  });
});
