import { afterEach, describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { createStatusPageSource, type StatusPageOptions } from '../../src/ops/status-page';
import { FakeStatusPage, type StatusScenario } from '../fakes/status-page/fake-status-page';

const OVERLOADED = `anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}, 'request_id': 'req_011CSHa5Yd3pTtmT8kQbRXvN'}`;
const RATE_LIMITED = `anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'Number of request tokens has exceeded your per-minute rate limit'}}`;
const STATUS_LINE = /status right now/i;

let fake: FakeStatusPage | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function world(scenario: StatusScenario, options: Partial<StatusPageOptions> = {}) {
  fake = await FakeStatusPage.start(scenario);
  let clock = 1_000_000;
  const source = createStatusPageSource({ url: fake.url, now: () => clock, timeoutMs: 300, ...options });
  const doctor = createDoctor({ statusSource: source });
  const ask = (text = OVERLOADED) => doctor.diagnose({ platform: 'test', text });
  return { fake, source, ask, advance: (ms: number) => (clock += ms) };
}

describe('live status from the Claude status page', () => {
  it('a 529 during an incident quotes the open incident and its link, not resolved ones', async () => {
    const { ask } = await world('incident');
    const d = await ask();
    expect(d.category).toBe('overloaded');
    expect(d.reply).toMatch(STATUS_LINE);
    expect(d.reply).toContain('Elevated overloaded errors on Claude Opus');
    expect(d.reply).toContain('https://stspg.io/abc123');
    expect(d.reply).not.toContain('Yesterday');
  });

  it('a 529 with no incident says the page is all clear, so the overload may be brief', async () => {
    const { ask } = await world('no-incident');
    const d = await ask();
    expect(d.reply).toMatch(STATUS_LINE);
    expect(d.reply).toContain('All Systems Operational');
    expect(d.reply).toContain('no incident is posted');
  });

  it.each(['slow', 'junk', 'error'] as const)('an unreachable or broken page (%s) leaves the status line out and the answer intact', async (scenario) => {
    const { ask } = await world(scenario);
    const d = await ask();
    expect(d.category).toBe('overloaded');
    expect(d.reply).not.toMatch(STATUS_LINE);
    expect(d.reply).toMatch(/overloaded/i);
  });

  it('a page nobody listens on leaves the status line out', async () => {
    const { ask, fake } = await world('incident');
    await fake.close();
    const d = await ask();
    expect(d.reply).not.toMatch(STATUS_LINE);
  });

  it('asks the page once for two diagnoses within a minute, and again after', async () => {
    const { ask, fake, advance } = await world('incident');
    await ask();
    await ask();
    expect(fake.requests).toBe(1);
    advance(61_000);
    await ask();
    expect(fake.requests).toBe(2);
  });

  it('shares one request between diagnoses that arrive together', async () => {
    const { ask, fake } = await world('incident');
    const replies = await Promise.all([ask(), ask(), ask()]);
    expect(fake.requests).toBe(1);
    for (const d of replies) expect(d.reply).toContain('Elevated overloaded errors');
  });

  it('remembers a failure briefly, then tries again', async () => {
    const { ask, fake, advance } = await world('error');
    await ask();
    await ask();
    expect(fake.requests).toBe(1);
    fake.scenario = 'incident';
    advance(16_000);
    const d = await ask();
    expect(fake.requests).toBe(2);
    expect(d.reply).toContain('Elevated overloaded errors');
  });

  it('never asks the page about client-side errors', async () => {
    const { ask, fake } = await world('incident');
    const d = await ask(RATE_LIMITED);
    expect(d.category).toMatch(/^rate_limit/);
    expect(d.reply).not.toMatch(STATUS_LINE);
    expect(fake.requests).toBe(0);
  });
});
