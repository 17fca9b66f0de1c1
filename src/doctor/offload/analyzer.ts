import { Worker } from 'node:worker_threads';
import type { CompiledEntry } from '../../catalog';
import { Matcher } from '../../match';
import { type Logger, silentLogger } from '../../ports';
import type { RedactionFinding } from '../../redact';
import { type Analysis, analyzeText } from '../analyze';
import type { AnalyzeRequest, AnalyzeResponse, WireAnalysis } from './protocol';

export interface OffloadOptions {
  /** Pastes at least this long are analysed on the worker; shorter ones (almost all) inline. */
  minChars?: number;
  /** A worker analysis that takes longer is abandoned (the worker is restarted). */
  deadlineMs?: number;
}

/** Text tried when the worker gave up on a paste: its head and its tail, far below any slow size. */
const FALLBACK_HEAD = 4_000;
const FALLBACK_TAIL = 4_000;

type Pending = { resolve: (a: WireAnalysis) => void; reject: (e: Error) => void };

/**
 * Runs the rules path of long pastes on a worker thread, one at a time, each within a deadline.
 * Every regex on pasted text is linear now (test/support/regex-audit.ts), but a catalogue rule
 * added later may not be: here such a paste costs its own answer a few seconds, never the other
 * users of a chat bot. Short pastes, and every paste when the worker is unavailable, run inline.
 */
export class OffloadedAnalyzer {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly minChars: number;
  private readonly deadlineMs: number;
  /** Extraction without any catalogue rule: the last resort, always linear. */
  private readonly withoutRules = new Matcher([]);

  constructor(
    private readonly catalog: readonly CompiledEntry[],
    private readonly matcher: Matcher,
    private readonly logger: Logger = silentLogger,
    options: OffloadOptions = {},
  ) {
    this.minChars = options.minChars ?? 32_000;
    this.deadlineMs = options.deadlineMs ?? 5_000;
  }

  /** Starts the worker now, so the first long paste does not wait for it. */
  warmUp(): Promise<void> {
    return this.start().catch(() => undefined); // failures are logged; pastes then run inline
  }

  async analyze(text: string, now: Date, findings: RedactionFinding[]): Promise<Analysis> {
    if (text.length < this.minChars) return analyzeText(text, this.matcher, now, findings);
    const turn = this.queue.then(() => this.onWorker(text, now, findings));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    await worker?.terminate();
  }

  /**
   * On the worker; when it misses the deadline (or fails), once more on a fresh worker with the
   * head and tail of the paste; when that fails too, inline without the catalogue rules — the
   * extraction passes are linear, a rule may not be — so the user still gets an answer.
   */
  private async onWorker(text: string, now: Date, findings: RedactionFinding[]): Promise<Analysis> {
    const cut = text.length > FALLBACK_HEAD + FALLBACK_TAIL ? `${text.slice(0, FALLBACK_HEAD)}\n[… cut …]\n${text.slice(-FALLBACK_TAIL)}` : null;
    for (const attempt of cut ? [text, cut] : [text]) {
      try {
        await this.start();
        const a = this.fromWire(await this.request({ id: ++this.nextId, text: attempt, now: now.getTime(), findings }));
        if (attempt !== text && !a.warnings.includes('input-truncated')) a.warnings.push('input-truncated');
        return a;
      } catch (error) {
        this.logger.warn({ err: (error as Error).message, chars: attempt.length }, 'analysis worker gave up on a paste');
      }
    }
    const a = analyzeText(cut ?? text, this.withoutRules, now, findings);
    a.warnings.push('analysis-timeout');
    if (cut && !a.warnings.includes('input-truncated')) a.warnings.push('input-truncated');
    return a;
  }

  private fromWire(wire: WireAnalysis): Analysis {
    const byId = new Map(this.catalog.map((e) => [e.id, e]));
    const { vetoed, candidates, ...rest } = wire;
    const withEntry = <T extends { entry: string }>(items: T[]) =>
      items.flatMap((item) => {
        const entry = byId.get(item.entry);
        return entry ? [{ ...item, entry }] : [];
      });
    const restored = withEntry(candidates);
    return { ...rest, candidates: restored, ranking: { candidates: restored, vetoed: withEntry(vetoed) } };
  }

  private request(message: AnalyzeRequest): Promise<WireAnalysis> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(message.id);
        reject(new Error(`no answer within ${this.deadlineMs} ms`));
        void this.close(); // the worker may be stuck in a regex: a new one starts for the next paste
      }, this.deadlineMs);
      this.pending.set(message.id, {
        resolve: (a) => (clearTimeout(timer), resolve(a)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.worker!.postMessage(message);
    });
  }

  private start(): Promise<void> {
    this.ready ??= new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { catalog: this.catalog } });
      // A CLI or a test must be able to exit while the worker idles.
      worker.unref();
      this.worker = worker;
      worker.on('message', (m: AnalyzeResponse | { ready: true }) => {
        if ('ready' in m) return resolve();
        const waiting = this.pending.get(m.id);
        this.pending.delete(m.id);
        if ('error' in m) waiting?.reject(new Error(m.error));
        else waiting?.resolve(m.analysis);
      });
      const fail = (error: Error) => {
        reject(error);
        // Closed or replaced on purpose (close(), a missed deadline): nothing to report.
        if (this.worker !== worker) return;
        this.logger.error({ err: error.message }, 'analysis worker failed; the next long paste starts a new one');
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
        [this.worker, this.ready] = [null, null];
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`analysis worker exited (${code})`)));
    });
    return this.ready;
  }
}
