import { loadCatalog } from './catalog';
import type { AppConfig } from './config';
import { type CoreDoctor, createDoctor } from './doctor';
import type { FallbackMetrics } from './fallback';
import { loadModels } from './models';
import { shippedSecondOpinion } from './neighbours';
import { type DoctorObserver, type ImageReader, type Logger, type ReviewSink, type SharedStore, silentLogger, type StatusSource } from './ports';

export interface AppDoctor extends CoreDoctor {
  /** Releases what the doctor holds (the OCR worker, the analysis worker). */
  close(): Promise<void>;
}

export interface ComposeOptions {
  logger?: Logger;
  observer?: DoctorObserver;
  /** Per-call fallback metrics (outcome, latency, HTTP attempts), for the operations layer. */
  fallbackMetrics?: FallbackMetrics;
  /** The live status page, quoted on server-side errors (built by the operations layer). */
  statusSource?: StatusSource;
  /** Shared state (fallback quota and cache, incident and feedback counters). Default: this process. */
  store?: SharedStore;
  /** The review queue; only `npm start` passes one, so the CLI never writes to it. */
  review?: ReviewSink;
  /** Long pastes are analysed off the event loop (chat adapters serve many users on one thread). */
  offloadAnalysis?: boolean;
}

/**
 * An ImageReader that loads the OCR code (sharp, tesseract.js) on the first screenshot: most
 * questions are text, and the CLI should not pay for OCR it does not use.
 */
function lazyImageReader(load: () => Promise<ImageReader>): ImageReader {
  let reader: Promise<ImageReader> | null = null;
  return {
    read: (image) => (reader ??= load()).then((r) => r.read(image)),
    close: async () => {
      if (reader) await (await reader).close?.();
    },
  };
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
  // The SDK is loaded only when a key is set: it is a quarter of the CLI's cold start.
  const fallback = config.fallback.ANTHROPIC_API_KEY
    ? (await import('./fallback')).createModelFallback(config.fallback, {
        catalogIndex: catalog.map(({ id, title, category }) => ({ id, title, category })),
        defaultModel: models.fallbackModel,
        logger,
        metrics: options.fallbackMetrics,
        store: options.store,
      })
    : undefined;
  // Ids newer than the models data are checked against the API's own list, with the same key.
  const liveModels = config.fallback.ANTHROPIC_API_KEY
    ? (await import('./models/live-model-list')).createLiveModelList({
        apiKey: config.fallback.ANTHROPIC_API_KEY,
        baseURL: config.fallback.ANTHROPIC_BASE_URL,
        logger,
      })
    : undefined;
  const imageReader = config.ocr.OCR_ENABLED
    ? lazyImageReader(() => import('./ocr').then((m) => m.createTesseractReader({ timeoutMs: config.ocr.OCR_TIMEOUT_MS, maxWaiting: config.ocr.OCR_MAX_WAITING, logger })))
    : undefined;
  const doctor = createDoctor({
    catalog,
    models,
    fallback,
    liveModels,
    imageReader,
    logger,
    observer: options.observer,
    statusSource: options.statusSource,
    store: options.store,
    review: options.review,
    ...(options.offloadAnalysis ? { offload: {} } : {}),
    // Built here, not on the first paste: a broken catalog/neighbours.jsonl stops start-up by name.
    secondOpinion: config.diagnosis.SECOND_OPINION ? shippedSecondOpinion(catalog) : null,
  });
  return {
    ...doctor,
    close: async () => {
      await doctor.close();
      await imageReader?.close?.();
    },
  };
}
