import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/contracts';
import { createDoctor } from '../../src/doctor';
import { CONFIDENT } from '../../src/match';
import { contractTexts, ERROR_CODES, type ErrorCode, errorCodeTexts, sdkCodeStatus, STATUS_CLASSES, statusClassTexts } from '../support/contract-texts';

/**
 * The errors of the 1.x SDKs (December 2026) reach their own answers, through the TypeScript SDK's
 * own error (raised by the installed @anthropic-ai/sdk 1.13.0), the Python SDK's line (status class
 * and per-code class) and the raw response. A spend or billing code is never answered "retry".
 */
const doctor = createDoctor({ now: () => new Date('2026-12-08T12:00:00Z') });
const ask = (text: string) => doctor.diagnose({ platform: 'test', text });

const ERRORS = 'https://platform.claude.com/docs/en/api/errors';
const SHARED = 'https://github.com/anthropics/anthropic-sdk-typescript/blob/main/src/resources/shared.ts';

/** What each code means for the user, with the page that says so. */
const EXPECTED: Record<ErrorCode, { category: Category; retryable: boolean; source: string }> = {
  contract_spend_limit_reached: { category: 'billing.spend_limit', retryable: false, source: SHARED },
  enforced_spend_limit_reached: { category: 'billing.spend_limit', retryable: false, source: 'https://platform.claude.com/docs/en/api/rate-limits' },
  linked_organization_spend_limit_reached: { category: 'billing.spend_limit', retryable: false, source: 'https://platform.claude.com/docs/en/manage-claude/oauth-apps/linked-billing/errors' },
  linked_organization_billing_unavailable: { category: 'billing.credit', retryable: false, source: 'https://platform.claude.com/docs/en/manage-claude/oauth-apps/linked-billing/errors' },
  ramp_limit_exceeded: { category: 'rate_limit.acceleration', retryable: true, source: SHARED },
  claude_code_version_too_old: { category: 'request.other_400', retryable: false, source: SHARED },
  claude_code_key_creator_not_member: { category: 'auth.invalid_key', retryable: false, source: SHARED },
  organization_on_hold: { category: 'permission', retryable: false, source: SHARED },
  organization_type_not_supported: { category: 'permission', retryable: false, source: SHARED },
  parent_organization_required: { category: 'permission', retryable: false, source: SHARED },
  cmek_key_disabled: { category: 'permission', retryable: false, source: 'https://platform.claude.com/docs/en/manage-claude/cmek-troubleshooting' },
  cmek_key_network_blocked: { category: 'permission', retryable: false, source: SHARED },
  cmek_key_unreachable: { category: 'server.api_error', retryable: true, source: SHARED },
  cmek_context_unavailable: { category: 'server.api_error', retryable: true, source: SHARED },
  request_body_encoding_invalid: { category: 'request.other_400', retryable: false, source: SHARED },
  request_body_encoding_unsupported: { category: 'request.other_400', retryable: false, source: SHARED },
  request_body_too_large_after_decoding: { category: 'request.too_large', retryable: false, source: ERRORS },
  sandbox_egress_restricted: { category: 'permission', retryable: false, source: SHARED },
  workspace_human_review_disabled: { category: 'permission', retryable: false, source: SHARED },
  image_dimensions_too_large: { category: 'request.image', retryable: false, source: 'https://platform.claude.com/docs/en/build-with-claude/vision' },
};

describe('error.details.error_code of the 1.x SDKs', () => {
  it('lists only codes the installed SDK knows, each with a status', () => {
    const statusOf = sdkCodeStatus();
    expect(ERROR_CODES.filter((code) => !statusOf.has(code))).toEqual([]);
  });

  it.each(errorCodeTexts().map((t) => [t.key, t] as const))('answers %s', async (_key, t) => {
    const want = EXPECTED[t.code];
    const d = await ask(t.text);
    expect({ status: d.status, errorCode: d.signals.errorCode, category: d.category, retryable: d.retryable }, want.source).toEqual({
      status: t.status,
      errorCode: t.code,
      category: want.category,
      retryable: want.retryable,
    });
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
  });

  it('never answers a spend or billing code with "retry"', async () => {
    const billing = errorCodeTexts().filter((t) => EXPECTED[t.code].category.startsWith('billing.'));
    expect(billing.length).toBeGreaterThanOrEqual(16);
    for (const t of billing) {
      const d = await ask(t.text);
      expect(d.retryable, t.key).toBe(false);
      // The answer's own headline (runners-up may still be listed under "Also possible").
      expect(d.title, t.key).not.toMatch(/wait for retry-after|then retry\b/i);
    }
  });
});

/** The SDK's classes for statuses the errors page does not list: each reaches a category, with and without Anthropic marks. */
const CLASS_CATEGORY: Record<number, { category: Category; source: string }> = {
  402: { category: 'billing.credit', source: ERRORS },
  408: { category: 'network.timeout', source: 'https://github.com/anthropics/anthropic-sdk-typescript/blob/main/CHANGELOG.md' },
  412: { category: 'request.other_400', source: 'https://github.com/anthropics/anthropic-sdk-typescript/blob/main/CHANGELOG.md' },
  413: { category: 'request.too_large', source: ERRORS },
  422: { category: 'request.other_400', source: 'https://github.com/anthropics/anthropic-sdk-typescript/blob/main/CHANGELOG.md' },
  431: { category: 'request.too_large', source: 'https://github.com/anthropics/anthropic-sdk-typescript/blob/main/CHANGELOG.md' },
  499: { category: 'network.connection', source: 'https://github.com/anthropics/anthropic-sdk-typescript/blob/main/CHANGELOG.md' },
};

describe('the 1.x SDK exception classes', () => {
  const noBody = contractTexts().filter((c) => (c.status === 402 || c.status === 413) && /no-body$/.test(c.key));
  const cases = [...noBody, ...statusClassTexts().filter((c) => c.status !== null)];

  it('covers every status class the installed SDK adds', () => {
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set([402, 413, ...STATUS_CLASSES]));
  });

  it.each(cases.map((c) => [c.key, c] as const))('answers %s with its category', async (_key, c) => {
    const want = CLASS_CATEGORY[c.status!]!;
    const d = await ask(c.text);
    expect({ status: d.status, category: d.category }, want.source).toEqual({ status: c.status, category: want.category });
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
  });

  it('answers RetryableError (middleware asked for a retry and the retries ran out) as SDK usage', async () => {
    const [retryable] = statusClassTexts().filter((c) => c.key === 'contract/retryable/ts');
    const d = await ask(retryable!.text);
    expect({ category: d.category, entry: d.entry }).toEqual({ category: 'sdk.usage', entry: 'sdk-retryable-error' });
  });
});
