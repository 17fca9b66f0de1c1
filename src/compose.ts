import type { AppConfig } from './config';
import { type CoreDoctor, createDoctor } from './doctor';
import { type DoctorObserver, type Logger, silentLogger } from './ports';

export interface AppDoctor extends CoreDoctor {
  /** Releases what the doctor holds (the OCR worker). */
  close(): Promise<void>;
}

export interface ComposeOptions {
  logger?: Logger;
  observer?: DoctorObserver;
}

/**
 * The composition root of the core: builds the doctor with the optional parts the configuration
 * enables. Adapters receive the result; nothing below this imports them.
 */
export async function createAppDoctor(_config: AppConfig, options: ComposeOptions = {}): Promise<AppDoctor> {
  const doctor = createDoctor({ logger: options.logger ?? silentLogger, observer: options.observer });
  return { ...doctor, close: async () => {} };
}
