import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { CONFIDENT } from '../../src/match';
import { contractTexts } from '../support/contract-texts';

/**
 * Every documented error (platform.claude.com/docs/en/api/errors), as the official SDKs raise it
 * and as curl prints the response, is answered with its own status and type. Only
 * `invalid_request_error` with no message stays a guess: the docs use it for any 4xx problem.
 * Without a body only the status and the SDK class remain: the status is still read. The SDKs'
 * connection and timeout errors get a confident network answer.
 */
const texts = contractTexts();

describe('the documented error contract', () => {
  const doctor = createDoctor({ now: () => new Date('2026-11-25T12:00:00Z') });
  const ask = (text: string) => doctor.diagnose({ platform: 'test', text });

  it.each(texts.filter((c) => c.type !== null).map((c) => [c.key, c] as const))('answers %s with its status and type', async (_key, c) => {
    const d = await ask(c.text);
    expect({ status: d.status, type: d.type }).toEqual({ status: c.status, type: c.type });
    expect(d.confidence >= CONFIDENT, `${d.entry} ${d.confidence}`).toBe(c.type !== 'invalid_request_error');
  });

  it.each(texts.filter((c) => c.type === null && c.status !== null).map((c) => [c.key, c] as const))('reads the status of %s (no body)', async (_key, c) => {
    expect((await ask(c.text)).status).toBe(c.status);
  });

  it.each(texts.filter((c) => c.status === null).map((c) => [c.key, c] as const))('answers %s as a network failure', async (_key, c) => {
    const d = await ask(c.text);
    expect(d.category).toMatch(/^network\./);
    expect(d.confidence).toBeGreaterThanOrEqual(CONFIDENT);
  });
});
