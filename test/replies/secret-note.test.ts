import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { fakeSecrets } from '../support/secrets';

/**
 * The private warning about a pasted secret says how to replace that kind of credential (a
 * Console key on the Console's keys page, a Claude Code login token by signing in again, an admin
 * key under Admin keys, another provider's key on that provider's page), and it leads the answer
 * where only the user reads it.
 */
const doctor = createDoctor({ now: () => new Date('2026-12-07T12:00:00Z') });
const s = fakeSecrets(23);
const BODY = `{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}`;
const warningFor = async (text: string) => (await doctor.diagnose({ platform: 'test', text })).document.privateNotes.join('\n');

describe('the security note by credential type', () => {
  it('a Console API key: delete it on the Console keys page (platform.claude.com)', async () => {
    const note = await warningFor(`export ANTHROPIC_API_KEY=${s.anthropicApi}\n${BODY}`);
    expect(note).toContain('a Claude API key');
    expect(note).toContain('https://platform.claude.com/settings/keys');
  });

  it('a Claude Code OAuth token: sign out and in again, not the keys page (where it does not appear)', async () => {
    const note = await warningFor(`curl -H "x-api-key: ${s.anthropicOauth}" https://api.anthropic.com/v1/messages\n${BODY}`);
    expect(note).toContain('a Claude Code login token (OAuth)');
    expect(note).toContain('`/logout`, then `/login`');
    expect(note).not.toContain('settings/keys');
  });

  it('an Admin API key: the Admin keys settings', async () => {
    const note = await warningFor(`ANTHROPIC_ADMIN_KEY=${s.anthropicAdmin}\n${BODY}`);
    expect(note).toContain('a Claude Admin API key');
    expect(note).toContain('Settings → Admin keys');
  });

  it("another provider's key: that provider's page; several kinds: each its own way", async () => {
    const note = await warningFor(`aws_access_key_id = ${s.awsAccess} (from ~/.aws/credentials)\nand the OpenAI one: ${s.openaiProject} (for the other tool)\n${BODY}`);
    expect(note).toContain('https://platform.openai.com/api-keys');
    expect(note).toContain('An AWS access key: deactivate it in AWS IAM');
  });

  it('leads the answer where only the user reads it (reply and --json), and is never in the details', async () => {
    const d = await doctor.diagnose({ platform: 'test', text: `export ANTHROPIC_API_KEY=${s.anthropicApi}\n${BODY}` });
    expect(d.reply.startsWith('> ⚠️ Your paste contained a Claude API key.')).toBe(true);
    expect(d.details).not.toMatch(/rotate|Your paste contained/);
    expect(JSON.stringify(d)).not.toContain(s.anthropicApi.slice(13));
  });
});
