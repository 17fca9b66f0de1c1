import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import type { FallbackOutcome, FallbackRequest, ModelFallback, ReviewSample, ReviewSink } from '../../src/ports';

/** `diagnose(inquiry, { rulesOnly: true })`: what watched help channels use, where nobody asked. */
describe('a rules-only diagnosis', () => {
  const modelAnswer: FallbackOutcome = { kind: 'answer', model: 'claude-haiku-4-5', entry: null, status: null, type: null, category: null, explanation: 'A proxy is failing.', fix: ['Check the proxy.'], confidence: 0.7 };
  function recordingFallback() {
    const calls: FallbackRequest[] = [];
    const fallback: ModelFallback = { enabled: true, explain: async (r) => (calls.push(r), modelAnswer) };
    return { fallback, calls };
  }

  it('never asks the model for a paste the rules cannot tell, and says no model was asked', async () => {
    const { fallback, calls } = recordingFallback();
    const d = await createDoctor({ fallback }).diagnose({ platform: 'test', text: 'Job 7 stopped: code XJ-42 from the upstream worker' }, { rulesOnly: true });
    expect(calls).toHaveLength(0);
    expect(d.source).toBe('none');
    // Operator text (why no model answered) goes to logs and --json, never into the chat.
    expect(d.operatorNotes.join(' ')).toContain('no model asked for this answer (rules only)');
    expect(`${d.reply}\n${d.details}`).not.toMatch(/model/i);
  });

  it('answers a paste the rules know exactly as a normal diagnosis does', async () => {
    const { fallback, calls } = recordingFallback();
    const doctor = createDoctor({ fallback });
    const paste = "anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}";
    const rulesOnly = await doctor.diagnose({ platform: 'test', text: paste }, { rulesOnly: true });
    const normal = await doctor.diagnose({ platform: 'test', text: paste });
    expect(calls).toHaveLength(0);
    expect(rulesOnly.entry).toBe('overloaded');
    expect(rulesOnly.reply).toBe(normal.reply);
  });

  it('keeps unasked text the rules cannot answer out of the review queue, and a confident answer open to a 👎', async () => {
    const samples: ReviewSample[] = [];
    const review: ReviewSink = { answered: async (sample) => (samples.push(sample), 'abcdef0123456789'), thumbsDown: async () => {} };
    const doctor = createDoctor({ review });
    const chat = await doctor.diagnose({ platform: 'test', text: 'hey all, is the API slow for anyone else today?' }, { rulesOnly: true });
    const unknown = await doctor.diagnose({ platform: 'test', text: 'Job 7 stopped: code XJ-42 from the upstream worker' }, { rulesOnly: true });
    expect(samples).toHaveLength(0);
    expect(chat.reviewRef).toBeUndefined();
    expect(unknown.reviewRef).toBeUndefined();
    const paste = "anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}";
    const answered = await doctor.diagnose({ platform: 'test', text: paste }, { rulesOnly: true });
    expect(answered.reviewRef).toBe('abcdef0123456789');
    expect(samples).toMatchObject([{ reason: null, entry: 'overloaded' }]);
    // Asked for, the same unknown text is queued as before.
    await doctor.diagnose({ platform: 'test', text: 'Job 7 stopped: code XJ-42 from the upstream worker' });
    expect(samples.map((x) => x.reason)).toEqual([null, 'unrecognised']);
  });

  it('still asks the model when the caller allows it', async () => {
    const { fallback, calls } = recordingFallback();
    const d = await createDoctor({ fallback }).diagnose({ platform: 'test', text: 'Job 7 stopped: code XJ-42 from the upstream worker' });
    expect(calls).toHaveLength(1);
    expect(d.source).toBe('model');
  });
});
