import type { Worker as ThreadWorker } from 'node:worker_threads';
import { createWorker, OEM, type Page, type Worker as TesseractWorker } from 'tesseract.js';
import type { Logger } from '../ports/observer';
import type { OcrLine } from '../ports/ocr';
import { OcrUnavailableError } from './errors';

export interface Recognition {
  /** Lines grouped by paragraph, in reading order. */
  paragraphs: OcrLine[][];
  /** 0..1, Tesseract's mean word confidence. */
  confidence: number;
}

const unit = (percent: number) => Math.max(0, Math.min(1, percent / 100));

function paragraphsOf(page: Page): OcrLine[][] {
  return (page.blocks ?? []).flatMap((block) =>
    block.paragraphs.map((paragraph) =>
      paragraph.lines.map((line) => ({ text: line.text.trimEnd(), confidence: unit(line.confidence) })),
    ),
  );
}

export interface EngineOptions {
  /** Local directory with `eng.traineddata.gz` (never a URL: that would download). */
  langPath: string;
  /** Starting the worker (wasm + language data) must finish within this. */
  startTimeoutMs: number;
  logger: Logger;
}

/** tesseract.js keeps the node `worker_threads` Worker on the object it returns; it is not typed. */
type LiveWorker = TesseractWorker & { worker?: ThreadWorker };

interface Slot {
  api: LiveWorker;
  /** Settles when the thread dies on its own (wasm abort, out of memory). */
  died: Promise<never>;
}

const detail = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * One tesseract.js worker thread, started on first use and reused. tesseract.js cannot cancel a
 * job and may leave promises pending when its thread fails, so every wait here has a deadline,
 * and a worker that misses one is terminated and replaced on the next call.
 */
export class TesseractEngine {
  #slot: Promise<Slot> | null = null;
  #starts = 0;
  #closed = false;

  constructor(private readonly options: EngineOptions) {}

  /** How many workers were started so far (1 in a healthy process). */
  get starts(): number {
    return this.#starts;
  }

  /** Starts the worker now instead of on the first image (warm-up). */
  async warmUp(): Promise<void> {
    if (this.#closed) throw new OcrUnavailableError('closed', 'engine closed');
    await this.#ensure();
  }

  async recognize(image: Buffer, timeoutMs: number): Promise<Recognition> {
    if (this.#closed) throw new OcrUnavailableError('closed', 'engine closed');
    const slotPromise = this.#ensure();
    const slot = await slotPromise;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new OcrUnavailableError('timeout', `no result after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const job = slot.api.recognize(image, {}, { text: false, blocks: true }).catch((cause: unknown) => {
        throw new OcrUnavailableError('engine', detail(cause), { cause });
      });
      const { data } = await Promise.race([job, deadline, slot.died]);
      return { paragraphs: paragraphsOf(data), confidence: unit(data.confidence) };
    } catch (error) {
      // A worker that timed out may still be busy with the old image; never reuse it.
      if (error instanceof OcrUnavailableError && error.reason === 'timeout') this.#discard(slotPromise, 'timed out');
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Terminates the worker; later calls are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    const current = this.#slot;
    this.#slot = null;
    if (!current) return;
    const slot = await current.catch(() => null);
    await slot?.api.terminate().catch((e: unknown) => this.options.logger.warn({ err: detail(e) }, 'ocr worker terminate failed'));
  }

  #ensure(): Promise<Slot> {
    if (!this.#slot) {
      const started = this.#start();
      this.#slot = started;
      // A failed start must not poison later calls: the next image tries a fresh worker.
      started.catch(() => {
        if (this.#slot === started) this.#slot = null;
      });
    }
    return this.#slot;
  }

  #discard(slotPromise: Promise<Slot>, why: string): void {
    if (this.#slot === slotPromise) this.#slot = null;
    this.options.logger.warn({ why }, 'ocr worker replaced');
    void slotPromise.then((slot) => slot.api.terminate()).catch(() => undefined);
  }

  #start(): Promise<Slot> {
    const { langPath, startTimeoutMs, logger } = this.options;
    this.#starts++;
    const began = Date.now();
    const started: Promise<Slot> = new Promise<Slot>((resolve, reject) => {
      let settled = false;
      const fail = (error: OcrUnavailableError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      };
      const timer = setTimeout(() => fail(new OcrUnavailableError('engine', `worker did not start within ${startTimeoutMs} ms`)), startTimeoutMs);
      createWorker('eng', OEM.LSTM_ONLY, {
        langPath,
        gzip: true,
        // 'none': read the packaged data directly; never write a cache file (the default writes
        // eng.traineddata into the current directory).
        cacheMethod: 'none',
        logger: () => undefined,
        // Without a handler tesseract.js throws inside its message listener, which would crash
        // the process. Job errors also reject the job's promise, so logging is enough here; a
        // failure while starting rejects the start (tesseract.js would leave it pending).
        errorHandler: (e: unknown) => {
          if (!settled) fail(new OcrUnavailableError('engine', `worker failed to start: ${detail(e)}`));
          else logger.debug({ err: detail(e) }, 'ocr job error');
        },
      })
        .then(async (api: LiveWorker) => {
          if (settled) {
            await api.terminate();
            return;
          }
          try {
            // Tesseract prints layout notes to stdout unless told otherwise; screenshots carry no
            // usable DPI, so give it the value it would fall back to and keep it quiet.
            await api.setParameters({ user_defined_dpi: '70', debug_file: '/dev/null' });
          } catch (e) {
            await api.terminate();
            throw e;
          }
          const died = new Promise<never>((_, rejectDied) => {
            const onDeath = (why: string) => {
              rejectDied(new OcrUnavailableError('engine', why));
              if (this.#slot === started) this.#slot = null;
            };
            api.worker?.on('error', (e) => onDeath(`worker crashed: ${detail(e)}`));
            api.worker?.once('exit', (code) => onDeath(`worker exited with code ${code}`));
          });
          died.catch(() => undefined);
          settled = true;
          clearTimeout(timer);
          logger.info({ ms: Date.now() - began }, 'ocr worker started');
          resolve({ api, died });
        })
        .catch((e: unknown) => fail(new OcrUnavailableError('engine', `worker failed to start: ${detail(e)}`, { cause: e })));
    });
    return started;
  }
}
