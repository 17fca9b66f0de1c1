import { afterAll, describe, expect, it } from 'vitest';
import { type CompiledEntry, loadCatalog } from '../../src/catalog';
import { createDoctor } from '../../src/doctor';
import { plainText, RATE_LIMIT_PASTE } from '../support/hostile';

const now = () => new Date('2026-11-25T12:00:00Z');
const catalog = loadCatalog();

/** A catalogue rule that backtracks exponentially on "aaaa…" — what a careless entry could add. */
function withRunawayRule(): CompiledEntry[] {
  const base = catalog.find((e) => e.id === 'rate-limit')!;
  const runaway: CompiledEntry = {
    ...base,
    id: 'runaway-test-rule',
    match: [{ pattern: /(?:a|a)*b/i, evidence: 'hint', rank: 1, standing: 3, confidence: 0.5, examples: base.match[0]!.examples, why: 'test: a regex that never finishes on a long run of "a"' }],
  };
  return [...catalog, runaway];
}

const inline = createDoctor({ catalog, now });
const offloaded = createDoctor({ catalog, now, offload: { minChars: 1_000 } });
const guarded = createDoctor({ catalog: withRunawayRule(), now, offload: { minChars: 1_000, deadlineMs: 500 } });
afterAll(async () => {
  await offloaded.close();
  await guarded.close();
});

describe('long pastes analysed off the event loop', () => {
  it('gives the same answer on the worker as inline', async () => {
    const text = `${plainText(40_000)}\n${RATE_LIMIT_PASTE}`;
    const [a, b] = [await inline.diagnose({ platform: 'test', text }), await offloaded.diagnose({ platform: 'test', text })];
    expect(b.entry).toBe(a.entry);
    expect(b.confidence).toBe(a.confidence);
    expect(b.signals).toEqual(a.signals);
    expect(b.warnings).toEqual(a.warnings);
    expect(b.reply).toBe(a.reply);
  });

  it('keeps the event loop free while a runaway rule spins, gives up at the deadline, and still answers', async () => {
    let timerFired = false;
    const timer = setTimeout(() => (timerFired = true), 50);
    const answer = guarded.diagnose({ platform: 'test', text: `rate_limit_error ${'a'.repeat(3_000)}` });
    const d = await answer;
    clearTimeout(timer);
    // The timer ran while the worker was stuck: the main thread was never blocked.
    expect(timerFired).toBe(true);
    expect(d.warnings).toContain('analysis-timeout');
    expect(d.reply).toMatch(/took too long/);
  });

  it('answers the next long paste normally on a fresh worker', async () => {
    const d = await guarded.diagnose({ platform: 'test', text: `${'INFO nothing to see here\n'.repeat(200)}${RATE_LIMIT_PASTE}` });
    expect(d.category).toBe('rate_limit');
    expect(d.warnings).not.toContain('analysis-timeout');
  });

  it('reads short pastes inline, as before', async () => {
    const d = await guarded.diagnose({ platform: 'test', text: RATE_LIMIT_PASTE });
    expect(d.category).toBe('rate_limit');
  });
});
