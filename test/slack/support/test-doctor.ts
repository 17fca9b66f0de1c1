import type { ClientId, Diagnosis, Inquiry } from '../../../src/contracts';
import { createDoctor } from '../../../src/doctor';
import type { DiagnoseOptions, Doctor, FeedbackVote } from '../../../src/ports';
import { diagnosisFor } from './synthetic-doctor';

let shared: Doctor | undefined;
/** The real core (catalogue loaded once per test file; it holds no per-question state). */
export function realDoctor(): Doctor {
  shared ??= createDoctor();
  return shared;
}

/**
 * Wraps a Doctor (the real core by default) with what tests need: a record of what the adapter
 * handed over, and knobs to hang like a slow model call, to throw, or to answer at great length.
 */
export class TestDoctor implements Doctor {
  readonly diagnosed: Inquiry[] = [];
  /** The options of each diagnose() call, in the same order (`rulesOnly` for watched channels). */
  readonly options: DiagnoseOptions[] = [];
  readonly followUps: Array<{ previous: Diagnosis; inquiry: Inquiry }> = [];
  readonly votes: FeedbackVote[] = [];
  /** `throw`: the core fails. `long`: a 20,000-character answer (the real core never writes one). */
  mode: 'normal' | 'throw' | 'long' = 'normal';
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;

  constructor(private readonly inner: Doctor = realDoctor()) {}

  /** From now on answers wait until `release()`, like a model fallback that hangs. */
  hang(): void {
    this.gate = new Promise((resolve) => {
      this.openGate = resolve;
    });
  }

  release(): void {
    this.openGate?.();
    this.gate = null;
  }

  async diagnose(inquiry: Inquiry, options: DiagnoseOptions = {}): Promise<Diagnosis> {
    this.diagnosed.push(inquiry);
    this.options.push(options);
    await this.wait();
    return this.mode === 'long' ? diagnosisFor(inquiry, true) : this.inner.diagnose(inquiry, options);
  }

  async followUp(previous: Diagnosis, inquiry: Inquiry): Promise<Diagnosis> {
    this.followUps.push({ previous, inquiry });
    await this.wait();
    return this.inner.followUp(previous, inquiry);
  }

  renderFor(previous: Diagnosis, client: ClientId): Diagnosis {
    return this.inner.renderFor(previous, client);
  }

  async feedback(vote: FeedbackVote): Promise<void> {
    this.votes.push(vote);
    await this.inner.feedback?.(vote);
  }

  private async wait(): Promise<void> {
    if (this.gate) await this.gate;
    if (this.mode === 'throw') throw new Error('catalogue exploded');
  }
}
