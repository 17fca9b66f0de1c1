import { describe, expect, it } from 'vitest';
import { formatTrace } from '../../src/cli/explain';
import { CONFIDENT } from '../../src/match';
import { createDoctor } from '../../src/doctor';
import { HEDGED_CONFIDENCE, type NeighbourRow, SecondOpinion, STRONG_SIMILARITY } from '../../src/neighbours';
import { catalog, RATE_LIMIT, row, UNREAD, UNREAD_AGAIN } from './support';
import type { FallbackOutcome, FallbackRequest, ModelFallback } from '../../src/ports';

const doctorWith = (rows: NeighbourRow[], fallback?: ModelFallback) =>
  createDoctor({ catalog, secondOpinion: SecondOpinion.fromRows(rows, catalog), ...(fallback ? { fallback } : {}) });

describe('the second opinion', () => {
  it('fills in when the rules find nothing and a labelled paste is very similar: hedged, below the confidence bar', async () => {
    expect((await createDoctor({ catalog }).diagnose({ platform: 'test', text: UNREAD_AGAIN })).entry).toBeNull();
    const d = await doctorWith([row('hz-001', UNREAD, 'out_of_scope', 'other-provider-error')]).diagnose({ platform: 'test', text: UNREAD_AGAIN, explain: true });
    expect(d).toMatchObject({ category: 'out_of_scope', entry: 'other-provider-error', confidence: HEDGED_CONFIDENCE, source: 'rules' });
    expect(d.confidence).toBeLessThan(CONFIDENT);
    expect(d.title).toMatch(/^Possibly: /);
    // Why it is hedged is for whoever runs the bot (logs, --json), not for the chat.
    expect(d.operatorNotes.join(' ')).toMatch(/the most similar labelled paste \(hz-001 in holdout-9z, similarity \d\.\d\d\)/);
    expect(d.reply).not.toContain('hz-001');
    expect(d.trace!.secondOpinion).toMatchObject({ role: 'fills', strong: STRONG_SIMILARITY, neighbours: [{ id: 'hz-001', set: 'holdout-9z', entry: 'other-provider-error' }] });
    expect(d.trace!.secondOpinion!.neighbours[0]!.similarity).toBeGreaterThanOrEqual(STRONG_SIMILARITY);
  });

  it('stays silent when the nearest labelled paste is not similar enough', async () => {
    const d = await doctorWith([row('hz-002', RATE_LIMIT, 'rate_limit', 'rate-limit')]).diagnose({ platform: 'test', text: UNREAD_AGAIN, explain: true });
    expect(d).toMatchObject({ category: 'unknown', entry: null, confidence: 0 });
    expect(d.trace!.secondOpinion!.role).toBe('silent');
  });

  it('never overrides a confident rules answer: a strong neighbour that disagrees only hedges it', async () => {
    const d = await doctorWith([row('hz-003', RATE_LIMIT, 'overloaded', null)]).diagnose({ platform: 'test', text: RATE_LIMIT, explain: true });
    expect(d).toMatchObject({ category: 'rate_limit', entry: 'rate-limit', confidence: HEDGED_CONFIDENCE });
    expect(d.title).toMatch(/^Possibly: /);
    expect(d.operatorNotes.join(' ')).toContain('was another error (overloaded)');
    expect(d.trace!.secondOpinion!.role).toBe('hedges');
    // The rules' own candidates are reported as they were.
    expect(d.candidates[0]).toEqual({ entry: 'rate-limit', category: 'rate_limit', confidence: 0.95 });
  });

  it('leaves a confident answer alone when the neighbours agree', async () => {
    const d = await doctorWith([row('hz-004', RATE_LIMIT, 'rate_limit', 'rate-limit')]).diagnose({ platform: 'test', text: RATE_LIMIT, explain: true });
    expect(d).toMatchObject({ category: 'rate_limit', confidence: 0.95 });
    expect(d.title).not.toMatch(/^Possibly/);
    expect(d.trace!.secondOpinion!.role).toBe('agrees');
  });

  it('takes labelled "unknown" pastes as no opinion', async () => {
    const d = await doctorWith([row('hz-005', UNREAD, 'unknown', null)]).diagnose({ platform: 'test', text: UNREAD_AGAIN, explain: true });
    expect(d.entry).toBeNull();
    expect(d.trace!.secondOpinion).toMatchObject({ role: 'silent', neighbours: [{ id: 'hz-005', category: 'unknown' }] });
  });

  it('gives the model fallback the strong neighbour as a hint, and the model decides', async () => {
    const asked: FallbackRequest[] = [];
    const model: ModelFallback = {
      enabled: true,
      explain: async (request): Promise<FallbackOutcome> => {
        asked.push(request);
        return { kind: 'answer', model: 'claude-haiku-5-5', entry: 'rate-limit', status: 429, type: 'rate_limit_error', category: 'rate_limit', explanation: 'x', fix: ['y'], confidence: 0.8 };
      },
    };
    const d = await doctorWith([row('hz-003', RATE_LIMIT, 'overloaded', null)], model).diagnose({ platform: 'test', text: RATE_LIMIT });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.neighbour).toEqual({ category: 'overloaded', entry: null, similarity: expect.closeTo(1, 5) });
    expect(d).toMatchObject({ source: 'model', entry: 'rate-limit', confidence: 0.8 });
  });

  it('is explained by diagnose --explain: what it did, each neighbour with its set and similarity', async () => {
    const d = await doctorWith([row('hz-001', UNREAD, 'out_of_scope', 'other-provider-error')]).diagnose({ platform: 'test', text: UNREAD_AGAIN, explain: true });
    const text = formatTrace(d.trace!);
    expect(text).toMatch(/^Second opinion \(nearest labelled pastes; strong from similarity 0\.70\): fills in: .*$/m);
    expect(text).toMatch(/^ {2}1\. hz-001 \(holdout-9z\) out_of_scope · entry other-provider-error · similarity \d\.\d\d · https:\/\/github\.com\/example\/project\/issues\/hz-001$/m);
  });

  it('is off unless asked for: no trace of it, and the rules answer alone', async () => {
    const d = await createDoctor({ catalog }).diagnose({ platform: 'test', text: RATE_LIMIT, explain: true });
    expect(d.trace).not.toHaveProperty('secondOpinion');
  });
});
