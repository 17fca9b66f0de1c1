import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { CONFIDENT } from '../../src/match';
import { contractTexts } from '../support/contract-texts';

/**
 * Every documented error (platform.claude.com/docs/en/api/errors), as the official TypeScript SDK
 * raises it and as curl prints the response, is answered with its own status and type. Only
 * `invalid_request_error` with no message stays a guess: the docs use it for any 4xx problem.
 */
describe('the documented error contract', () => {
  const doctor = createDoctor({ now: () => new Date('2026-11-25T12:00:00Z') });

  it.each(contractTexts().map((c) => [c.key, c] as const))('answers %s with its status and type', async (_key, c) => {
    const d = await doctor.diagnose({ platform: 'test', text: c.text });
    expect({ status: d.status, type: d.type }).toEqual({ status: c.status, type: c.type });
    expect(d.confidence >= CONFIDENT, `${d.entry} ${d.confidence}`).toBe(c.type !== 'invalid_request_error');
  });
});
