import { describe, expect, it } from 'vitest';
import { FallbackEnvSchema } from '../../src/config/sections';
import { looksLikeLiveSecret } from '../../src/fallback/secret-guard';
import { retryHint, unavailable, unavailableFromStop } from '../../src/fallback/unavailable';

const NOW = Date.parse('2026-12-01T14:00:00Z');

describe('retryHint', () => {
  it.each([
    [1000, 'in about 1 s (at 14:00:01 UTC)'],
    [45_000, 'in about 45 s (at 14:00:45 UTC)'],
    [600_000, 'in about 10 min (at 14:10:00 UTC)'],
    [7_200_000, 'in about 2 h (at 16:00:00 UTC)'],
  ])('%i ms -> %s', (ms, text) => {
    expect(retryHint(ms, NOW)).toBe(text);
  });
});

describe('user-facing lines', () => {
  it('says when to try again after a 429 or 529', () => {
    const rate = unavailableFromStop({ reason: 'rate_limited', status: 429, errorType: 'rate_limit_error', retryAfterMs: 600_000 }, { nowMs: NOW, deadlineMs: 30_000 });
    expect(rate.message).toBe('The model was rate limited (HTTP 429 rate_limit_error); try again in about 10 min (at 14:10:00 UTC).');
    expect(rate.retryAfterSeconds).toBe(600);
    const busy = unavailableFromStop({ reason: 'overloaded', status: 529, errorType: 'overloaded_error', retryAfterMs: null }, { nowMs: NOW, deadlineMs: 30_000 });
    expect(busy.message).toContain('overloaded');
    expect(busy.message).toContain('try again in a minute or two');
  });

  it.each(['disabled', 'quota', 'busy', 'unsafe_input', 'invalid_answer', 'refused'] as const)('%s is one line', (reason) => {
    const outcome = unavailable(reason, { nowMs: NOW, retryInMs: 42_000 });
    expect(outcome.message).not.toContain('\n');
    expect(outcome.message.length).toBeLessThan(200);
  });
});

describe('looksLikeLiveSecret', () => {
  it.each([
    ['sk-ant-api03-' + 'a'.repeat(93) + 'AA', true],
    ['key: sk-ant-admin01-' + 'Z9_'.repeat(20), true],
    ['Authorization: Bearer ' + 'eyJhbGciOiJIUzI1NiJ9.abcdefghijklmnop', true],
    ['x-api-key: ' + 'q'.repeat(40), true],
    ['sk-ant-api03-***', false],
    ['sk-ant-api03-[REDACTED]', false],
    ['Authorization: Bearer [REDACTED]', false],
    ['request_id: req_011CSHoEeqs5C35K2UUqR7Fy', false],
    ['Error: 429 {"type":"error","error":{"type":"rate_limit_error"}}', false],
  ])('%s -> %s', (text, expected) => {
    expect(looksLikeLiveSecret(text)).toBe(expected);
  });
});

describe('fallback settings', () => {
  it('has the documented defaults', () => {
    expect(FallbackEnvSchema.parse({})).toEqual({
      FALLBACK_DEADLINE_MS: 30_000,
      FALLBACK_ATTEMPT_TIMEOUT_MS: 20_000,
      FALLBACK_MAX_CONCURRENCY: 4,
      FALLBACK_USER_PER_MINUTE: 5,
      FALLBACK_CACHE_TTL_SECONDS: 3600,
    });
  });

  it('refuses a base URL ending in /v1, which the SDK would double', () => {
    expect(FallbackEnvSchema.safeParse({ ANTHROPIC_BASE_URL: 'https://proxy.example.com/v1/' }).success).toBe(false);
    expect(FallbackEnvSchema.parse({ ANTHROPIC_BASE_URL: 'https://proxy.example.com/anthropic/' }).ANTHROPIC_BASE_URL).toBe(
      'https://proxy.example.com/anthropic',
    );
  });
});
