import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { CONFIDENT } from '../../src/match';

const doctor = createDoctor({ now: () => new Date('2026-11-25T12:00:00Z') });
const diagnose = (text: string) => doctor.diagnose({ platform: 'test', text });

/**
 * Claude Code signed in with a Pro or Max plan gets a 401 "Invalid authentication credentials" (or,
 * in 2025, "Invalid API key · Please run /login") when the saved login is refused. Claude Code's
 * error reference lists `API Error: 401 … authentication_error` under "OAuth token revoked or
 * expired": the answer is a fresh login, not a new API key. Where the paste puts a key in play, or
 * no Claude Code login shows, the key and account answers stay.
 */
describe('a 401 on a Claude Code subscription login', () => {
  it('answers the refused login, not the key, when the paste says the credential is the plan login', async () => {
    // anthropics/claude-code#58926 (Pro plan; some of the reporter's lines)
    const d = await diagnose(
      'Every Claude Code command returns 401 Invalid authentication credentials immediately, including /login and /logout. The welcome screen shows my account correctly (name, Pro subscription, email) but all commands fail.\n\n' +
        'API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"Invalid authentication credentials"},"request_id":"..."}\nPlease run /login',
    );
    expect(d.category).toBe('auth.oauth');
    expect(d.entry).toBe('oauth-token-expired');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(d.status).toBe(401);
    expect(d.type).toBe('authentication_error');
  });

  it("reads the 2025 banner 'Invalid API key · Please run /login' beside a Max plan as the login too", async () => {
    // anthropics/claude-code#6294 (Max plan, never entered an API key)
    const d = await diagnose(
      'I have a claude max pro account, and it asks me to log in using a browser. I do NOT use an API key with my plan.\n\nInvalid API key · Please run /login',
    );
    expect(d.category).toBe('auth.oauth');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
  });

  it('keeps the credential answer when nothing in the paste names the plan login', async () => {
    const d = await diagnose('Please run /login · API Error: 401 Invalid authentication credentials');
    expect(d.category).toBe('auth.invalid_key');
  });

  it("keeps the key answer for Claude Code's current key banner, whatever plan the user mentions", async () => {
    // the documented banner for a rejected ANTHROPIC_API_KEY / apiKeyHelper key (code.claude.com/docs/en/errors)
    const d = await diagnose('I am on the Max plan but Claude Code says:\nInvalid API key · Fix external API key');
    expect(d.category).toBe('auth.invalid_key');
    expect(d.entry).toBe('invalid-api-key');
  });

  it('keeps the key answer for an SDK 401 that only mentions a subscription (no Claude Code login)', async () => {
    const d = await diagnose(
      "I have a Pro subscription.\nanthropic.AuthenticationError: Error code: 401 - {'type': 'error', 'error': {'type': 'authentication_error', 'message': 'Invalid authentication credentials'}}",
    );
    expect(d.category).toBe('auth.invalid_key');
  });
});
