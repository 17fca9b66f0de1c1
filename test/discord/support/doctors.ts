import { createAppDoctor } from '../../../src/compose';
import { loadConfig } from '../../../src/config';
import type { Diagnosis, Inquiry, ReplyDocument } from '../../../src/contracts';
import { createDoctor } from '../../../src/doctor';
import type { DiagnoseOptions, Doctor } from '../../../src/ports';
import { type FakeAnthropic, fakeAnthropicEnv } from '../../fakes/anthropic';

/**
 * The doctors the Discord tests use: the real core, either rules only (`createDoctor()`) or as
 * `npm start` builds it with the model fallback pointed at a fake Anthropic; a spy around it that
 * records what the adapter handed over; and a doctor that fails, the one path the real core
 * never takes.
 */

export interface SpyDoctor extends Doctor {
  /** Inquiries passed to diagnose(). */
  readonly diagnosed: Inquiry[];
  /** The options of each diagnose() call, in the same order. */
  readonly options: DiagnoseOptions[];
  /** Inquiries passed to followUp(). */
  readonly followedUp: Inquiry[];
  /** How many diagnose() calls have finished. */
  readonly finished: () => number;
  /** Releases what the composed core holds (its OCR worker); a no-op for the rules-only core. */
  close(): Promise<void>;
}

/** The rules-only core, recording its inputs; `edit` rewrites each document (e.g. to make it huge). */
export function realDoctor(options: { edit?: (doc: ReplyDocument) => ReplyDocument } = {}): SpyDoctor {
  return spy(createDoctor(), options.edit);
}

/** How long the fallback may take in these tests; longer than the adapter's 1.5 s ack budget. */
export const MODEL_DEADLINE_MS = 2000;

/**
 * The core as `npm start` composes it (`createAppDoctor`), with the model fallback calling the
 * fake Anthropic through the real SDK. One attempt, bounded by MODEL_DEADLINE_MS.
 */
export async function realStack(anthropic: FakeAnthropic): Promise<SpyDoctor> {
  const config = loadConfig({
    ...fakeAnthropicEnv(anthropic),
    FALLBACK_DEADLINE_MS: String(MODEL_DEADLINE_MS),
    FALLBACK_ATTEMPT_TIMEOUT_MS: String(MODEL_DEADLINE_MS),
  });
  const app = await createAppDoctor(config);
  return { ...spy(app), close: () => app.close() };
}

function spy(core: Doctor, edit?: (doc: ReplyDocument) => ReplyDocument): SpyDoctor {
  const diagnosed: Inquiry[] = [];
  const options: DiagnoseOptions[] = [];
  const followedUp: Inquiry[] = [];
  let finished = 0;
  const edited = (d: Diagnosis): Diagnosis => (edit ? { ...d, document: edit(d.document) } : d);
  return {
    diagnosed,
    options,
    followedUp,
    finished: () => finished,
    close: async () => {},
    async diagnose(inquiry, how = {}) {
      diagnosed.push(inquiry);
      options.push(how);
      try {
        return edited(await core.diagnose(inquiry, how));
      } finally {
        finished += 1;
      }
    },
    async followUp(previous, inquiry) {
      followedUp.push(inquiry);
      return edited(await core.followUp(previous, inquiry));
    },
    renderFor: (previous, client) => edited(core.renderFor(previous, client)),
  };
}

/** The one behaviour the real core never shows: throwing. */
export function failingDoctor(): Doctor {
  const fail = () => Promise.reject(new Error('scripted failure'));
  return {
    diagnose: fail,
    followUp: fail,
    renderFor: () => {
      throw new Error('scripted failure');
    },
  };
}

/** A paste of a real 529 as the Python SDK prints it. */
export const PASTE_529 = `anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}, 'request_id': 'req_011CUaKf2ZS7Xp4q9Yv3nRtL'}`;

/** Text no catalogue entry matches, so the core asks the model. */
export const PASTE_UNKNOWN = 'Job 7 stopped: code XJ-42 from the upstream worker, nothing else in the log';

/** The real document for the 529 paste, for the rendering tests. */
export async function document529(): Promise<ReplyDocument> {
  return (await createDoctor().diagnose({ platform: 'test', text: PASTE_529 })).document;
}
