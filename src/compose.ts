import { loadCatalog } from './catalog';
import type { AppConfig } from './config';
import { type CoreDoctor, createDoctor } from './doctor';
import { createModelFallback, type FallbackMetrics } from './fallback';
import { loadModels } from './models';
import { type DoctorObserver, type Logger, silentLogger, type StatusSource } from './ports';

export interface AppDoctor extends CoreDoctor {
  /** Releases what the doctor holds (the OCR worker). */
  close(): Promise<void>;
}

export interface ComposeOptions {
  logger?: Logger;
  observer?: DoctorObserver;
  /** Per-call fallback metrics (outcome, latency, HTTP attempts), for the operations layer. */
  fallbackMetrics?: FallbackMetrics;
  /** The live status page, quoted on server-side errors (built by the operations layer). */
  statusSource?: StatusSource;
}

/**
 * The composition root of the core: builds the doctor with the optional parts the configuration
 * enables. Adapters receive the result; nothing below this imports them.
 */
export async function createAppDoctor(config: AppConfig, options: ComposeOptions = {}): Promise<AppDoctor> {
  const logger = options.logger ?? silentLogger;
  const catalog = loadCatalog();
  const models = loadModels();
  // Off (no request ever) without ANTHROPIC_API_KEY; the doctor then says only the rules answered.
  const fallback = createModelFallback(config.fallback, {
    catalogIndex: catalog.map(({ id, title, category }) => ({ id, title, category })),
    defaultModel: models.fallbackModel,
    logger,
    metrics: options.fallbackMetrics,
  });
  const doctor = createDoctor({ catalog, models, fallback, logger, observer: options.observer, statusSource: options.statusSource });
  return { ...doctor, close: async () => {} };
}
