import type { ImageInput } from '../contracts';
import { type Logger, silentLogger } from '../ports/observer';
import type { ImageReader, OcrResult } from '../ports/ocr';
import { composeText } from './compose-text';
import { OcrUnavailableError } from './errors';
import { englishLanguagePath } from './language-data';
import { DEFAULT_PREPARE_OPTIONS, type PrepareOptions, prepareImage } from './prepare';
import { createBoundedQueue } from './queue';
import { DEFAULT_MAX_IMAGE_BYTES, sniffImage } from './sniff';
import { TesseractEngine } from './tesseract-engine';

export interface TesseractReaderOptions {
  /** Deadline for preparing and reading one image, queue wait excluded. */
  timeoutMs?: number;
  /** Deadline for starting the worker (wasm and language data). */
  startTimeoutMs?: number;
  /** Images allowed to wait while one is read; more are refused as busy. */
  maxWaiting?: number;
  /** Largest accepted file. */
  maxBytes?: number;
  prepare?: Partial<PrepareOptions>;
  logger?: Logger;
}

export interface TesseractReader extends ImageReader {
  /** Starts the worker now, so the first user does not wait for it. */
  warmUp(): Promise<void>;
  close(): Promise<void>;
  stats(): { workerStarts: number; reading: number; waiting: number };
}

export const DEFAULT_OCR_TIMEOUT_MS = 20_000;

/**
 * The `ImageReader` the bot uses: checks the file by its bytes, prepares it with sharp, reads it
 * with one lazily started tesseract.js worker, one image at a time, each within a deadline.
 * Nothing is downloaded: language data and wasm come from installed npm packages.
 */
export function createTesseractReader(options: TesseractReaderOptions = {}): TesseractReader {
  const timeoutMs = options.timeoutMs ?? DEFAULT_OCR_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  const prepareOptions: PrepareOptions = { ...DEFAULT_PREPARE_OPTIONS, ...options.prepare };
  const logger = options.logger ?? silentLogger;
  const engine = new TesseractEngine({
    langPath: englishLanguagePath(),
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
    logger,
  });
  const queue = createBoundedQueue(1, options.maxWaiting ?? 8);

  async function readOne(image: ImageInput, sniffed: ReturnType<typeof sniffImage>): Promise<OcrResult> {
    const began = Date.now();
    const prepared = await prepareImage(image.data, sniffed, prepareOptions);
    const remaining = timeoutMs - (Date.now() - began);
    if (remaining <= 0) throw new OcrUnavailableError('timeout', `preparation alone took over ${timeoutMs} ms`);
    const recognition = await engine.recognize(prepared.png, remaining);
    const elapsedMs = Date.now() - began;
    // No text in logs: screenshots are pastes and may hold secrets.
    logger.debug({ format: sniffed.format, ...prepared.steps, elapsedMs, confidence: recognition.confidence }, 'ocr read');
    return { ...composeText(recognition.paragraphs, recognition.confidence), confidence: recognition.confidence, elapsedMs };
  }

  return {
    read(image) {
      try {
        const sniffed = sniffImage(image.data, maxBytes, image.name);
        return queue.run(() => readOne(image, sniffed));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    warmUp: () => engine.warmUp(),
    async close() {
      queue.close();
      await engine.close();
    },
    stats: () => ({ workerStarts: engine.starts, reading: queue.running, waiting: queue.waiting }),
  };
}
