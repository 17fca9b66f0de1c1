import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { CONFIDENT } from '../../src/match';

// Claude Code's and claude-code-action's own wordings a user pastes (issue 13, phase 12 fix7-cc):
// each gets its own answer, not "invalid API key" or the app's-own-error floor.
const doctor = createDoctor({ now: () => new Date('2026-12-08T12:00:00Z') });
const ask = (text: string) => doctor.diagnose({ platform: 'test', text });

describe('claude-code-action set-up failures, before any Claude API call', () => {
  it('the App token exchange refused because the Claude GitHub App is not installed: install the App, not "invalid API key"', async () => {
    // https://github.com/anthropics/claude-code-action/issues/1683 (claude-code-action@v1, 2026-08-16)
    const d = await ask(
      'The `claude-code-action@v1` action consistently fails during the OIDC→app-token exchange step with:\n\n```\nApp token exchange failed: 401 Unauthorized - Claude Code is not installed on this repository. Please install the Claude Code GitHub App at https://github.com/apps/claude\n```',
    );
    expect(d.entry).toBe('claude-code-action-app-not-installed');
    expect(d.category).toBe('out_of_scope');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(d.reply).toContain('https://github.com/apps/claude');
    expect(d.reply).not.toMatch(/invalid (?:x-)?api key/i);
  });

  it("the action's own input check (neither key nor OAuth token given) is a missing credential, with the action's inputs in the steps", async () => {
    // https://github.com/freenet/river/pull/36 (2025-09-28)
    const d = await ask(
      'Claude workflows were failing with:\n```\nEither ANTHROPIC_API_KEY or CLAUDE_CODE_OAUTH_TOKEN is required\n```\nThe org has `ANTHROPIC_API_KEY` configured but not `CLAUDE_CODE_OAUTH_TOKEN`.',
    );
    expect(d.category).toBe('auth.missing_key');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(`${d.reply}\n${d.details}`).toContain('claude_code_oauth_token:');
  });
});

describe("Claude Code's context banner retold in prose", () => {
  it('"Context limit reached" without its /compact tail is the context overflow, as a hedge, not the app\'s own error', async () => {
    // https://github.com/anthropics/claude-code/issues/46318 (a later paragraph of the report)
    const d = await ask(
      'Once Claude Code hits the context limit, ALL operations become blocked — including file reads, file writes, bash commands, and any tool use. The "Context limit reached" error persists even after running `/clear`.',
    );
    expect(d.category).toBe('request.prompt_too_long');
    expect(d.confidence).toBeLessThan(CONFIDENT);
    expect(d.reply).toContain('/compact');
  });
});

describe("Claude Code's context status line at 0%", () => {
  it('is the context overflow as a hedge, not "I don\'t recognise this"', async () => {
    // https://github.com/trommel108/claude-code/issues/49 (the same report copied to another fork, its title and first lines)
    const d = await ask('[CRITICAL] Context auto-compact stuck at 0% - Tool Unusable\n\nshows "Context left until auto-compact: 0%" persistently\n/clear doesn\'t fix');
    expect(d.category).toBe('request.prompt_too_long');
    expect(d.confidence).toBeLessThan(CONFIDENT);
  });
});

describe('a tool call with an over-long name in the history', () => {
  it('is a request parameter error that tells a Claude Code user to rewind or clear, not a generic 400', async () => {
    // https://github.com/anthropics/claude-code/issues/15695 (Claude Code 2.0.76, 2025-12-29)
    const d = await ask(
      'Session becomes completely unusable. Any message returns:\n```\nAPI Error: 400\n{"type":"error","error":{"type":"invalid_request_error","message":"messages.35.content.1.tool_use.name: String should have at most 200 characters"}}\n```',
    );
    expect(d.entry).toBe('tool-use-name-too-long-in-history');
    expect(d.category).toBe('request.params');
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(d.reply).toMatch(/\/rewind|\/clear/);
  });

  it('the tool definitions\' own 64-character limit still goes to the tool-name entry', async () => {
    // https://github.com/anthropics/claude-code/issues/2477 (Claude Code 1.0.31)
    const d = await ask(
      'API Error: 400 {"type":"error","error":{"type":"invalid_request_error",\n    "message":"tools.17.custom.name: String should have at most 64 \n    characters"}} I get that error. I dont understand why',
    );
    expect(d.entry).toBe('tool-name-invalid');
  });
});
