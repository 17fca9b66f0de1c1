import type { Diagnosis, Inquiry, ReplyDocument } from '../../../src/contracts';
import { createDoctor } from '../../../src/doctor';
import type { Doctor, FallbackOutcome, FallbackRequest, ModelFallback } from '../../../src/ports';

/**
 * The doctors the Discord tests use: the real core (`createDoctor()`, rules catalogue included),
 * a spy around it that records what the adapter handed over, and a doctor that fails, for the one
 * path the real core never takes.
 */

/** A model fallback that hangs until the test answers it: the "fake model" of the issue. */
export interface HangingModel extends ModelFallback {
  readonly requests: FallbackRequest[];
  answer(outcome: FallbackOutcome): void;
}

export function hangingModel(): HangingModel {
  const requests: FallbackRequest[] = [];
  const waiting: Array<(o: FallbackOutcome) => void> = [];
  let answered: FallbackOutcome | null = null;
  return {
    enabled: true,
    requests,
    explain(request) {
      requests.push(request);
      if (answered) return Promise.resolve(answered);
      return new Promise((resolve) => waiting.push(resolve));
    },
    answer(outcome) {
      answered = outcome;
      for (const resolve of waiting.splice(0)) resolve(outcome);
    },
  };
}

export const MODEL_DOWN: FallbackOutcome = { kind: 'unavailable', reason: 'timeout', message: 'The model did not answer in time.' };

export interface SpyDoctor extends Doctor {
  /** Inquiries passed to diagnose(). */
  readonly diagnosed: Inquiry[];
  /** Inquiries passed to followUp(). */
  readonly followedUp: Inquiry[];
}

/** The real doctor, recording its inputs; `edit` rewrites each document (e.g. to make it huge). */
export function realDoctor(options: { model?: ModelFallback; edit?: (doc: ReplyDocument) => ReplyDocument } = {}): SpyDoctor {
  const core = createDoctor(options.model ? { fallback: options.model } : {});
  const diagnosed: Inquiry[] = [];
  const followedUp: Inquiry[] = [];
  const edited = (d: Diagnosis): Diagnosis => (options.edit ? { ...d, document: options.edit(d.document) } : d);
  return {
    diagnosed,
    followedUp,
    async diagnose(inquiry) {
      diagnosed.push(inquiry);
      return edited(await core.diagnose(inquiry));
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
