import { createHash } from 'node:crypto';
import { type CompiledEntry, loadCatalog } from '../catalog';
import {
  type ClientId,
  type Diagnosis,
  type Inquiry,
  InquirySchema,
  type ParsedInquiry,
  type ReplyDocument,
} from '../contracts';
import { type Candidate, CONFIDENT, Matcher } from '../match';
import { loadModels, ModelIndex, type ModelsData } from '../models';
import type { DiagnoseOptions, Doctor, DoctorObserver, FallbackOutcome, ImageReader, Logger, ModelFallback, StatusSource } from '../ports';
import { silentLogger } from '../ports';
import { type DocumentContext, entryDocument, modelDocument, renderMarkdown, unknownDocument } from '../render';
import { pickSnippet } from '../render/snippet';
import { type Analysis, analyzeText } from './analyze';
import { requestedClient } from './follow-up';
import { readImages } from './images';
import { liveStatusLine } from './live-status';
import { reportedStatusAndType } from './reported';
import { secretWarning } from './secrets';

export interface DoctorOptions {
  catalog?: CompiledEntry[];
  models?: ModelsData;
  imageReader?: ImageReader;
  fallback?: ModelFallback;
  observer?: DoctorObserver;
  /** Live status page, quoted on server-side errors. */
  statusSource?: StatusSource;
  logger?: Logger;
  now?: () => Date;
}

export interface CoreDoctor extends Doctor {
  readonly catalog: readonly CompiledEntry[];
  readonly models: ModelIndex;
}

type Answer =
  | { kind: 'rules'; candidate: Candidate }
  | { kind: 'tentative'; candidate: Candidate; note: string; modelUnavailable?: boolean }
  | { kind: 'model-entry'; entry: CompiledEntry; model: string; confidence: number }
  | { kind: 'model-free'; model: string; explanation: string; fix: string[]; confidence: number }
  | { kind: 'none'; note: string | null; modelUnavailable?: boolean };

const parseInquiry = (inquiry: Inquiry): ParsedInquiry => {
  const parsed = InquirySchema.safeParse(inquiry);
  return parsed.success ? parsed.data : { platform: 'test', text: '', images: [], user: 'local', isDM: false };
};

export function createDoctor(options: DoctorOptions = {}): CoreDoctor {
  const catalog = options.catalog ?? loadCatalog();
  const models = new ModelIndex(options.models ?? loadModels());
  const byId = new Map(catalog.map((e) => [e.id, e]));
  const matcher = new Matcher(catalog);
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());

  async function decide(a: Analysis, user: string, rulesOnly: boolean): Promise<Answer> {
    const best = a.candidates[0];
    if (best && best.confidence >= CONFIDENT) return { kind: 'rules', candidate: best };
    const fallback = options.fallback;
    if (rulesOnly || !fallback?.enabled || a.normalized.flat === '') {
      const off =
        a.normalized.flat === ''
          ? null
          : rulesOnly
            ? 'No model was asked for this answer, so it comes from the rules alone.'
            : 'No model was asked: the model fallback is not configured on this bot, so this comes from the rules alone.';
      return best ? { kind: 'tentative', candidate: best, note: uncertain(best, off) } : { kind: 'none', note: off };
    }
    const started = performance.now();
    const outcome: FallbackOutcome = await fallback
      .explain({
        text: a.normalized.text,
        signals: a.signals,
        candidates: a.candidates.slice(0, 5).map((c) => ({ entry: c.entry.id, category: c.entry.category, confidence: c.confidence })),
        user,
        cacheKey: createHash('sha256').update(a.normalized.flat).digest('hex'),
      })
      .catch((error: unknown): FallbackOutcome => {
        logger.error({ err: (error as Error).message }, 'model fallback threw');
        return { kind: 'unavailable', reason: 'error', message: 'The model could not be reached.' };
      });
    options.observer?.fallbackCalled?.(outcome.kind === 'answer' ? 'answer' : outcome.reason, performance.now() - started);
    if (outcome.kind === 'answer') {
      const entry = outcome.entry ? byId.get(outcome.entry) : undefined;
      if (entry) return { kind: 'model-entry', entry, model: outcome.model, confidence: outcome.confidence };
      return { kind: 'model-free', model: outcome.model, explanation: outcome.explanation, fix: outcome.fix, confidence: outcome.confidence };
    }
    return best
      ? { kind: 'tentative', candidate: best, note: uncertain(best, outcome.message), modelUnavailable: true }
      : { kind: 'none', note: outcome.message, modelUnavailable: true };
  }

  function uncertain(c: Candidate, modelNote: string | null): string {
    const base = `I am not sure about this one (confidence ${c.confidence.toFixed(2)}): check that the cause below matches what you see.`;
    return modelNote ? `${base} ${modelNote}` : base;
  }

  function build(a: Analysis, answer: Answer, inquiry: ParsedInquiry, notes: string[], privateNotes: string[]): Diagnosis {
    const entry =
      answer.kind === 'rules' || answer.kind === 'tentative' ? answer.candidate.entry : answer.kind === 'model-entry' ? answer.entry : null;
    const { status, type } = reportedStatusAndType(entry, a.signals);
    const client: ClientId | null = inquiry.client ?? a.signals.client;
    const source = answer.kind === 'rules' || answer.kind === 'tentative' ? 'rules' : answer.kind === 'none' ? 'none' : 'model';
    const confidence =
      answer.kind === 'rules' || answer.kind === 'tentative' ? answer.candidate.confidence : answer.kind === 'none' ? 0 : answer.confidence;
    const model = answer.kind === 'model-entry' || answer.kind === 'model-free' ? answer.model : null;
    const extraNote = answer.kind === 'tentative' || answer.kind === 'none' ? answer.note : null;
    const ctx: DocumentContext = {
      signals: a.signals,
      status,
      type,
      client,
      text: a.extraction.focus,
      now: now(),
      models,
      notes: extraNote ? [...notes, extraNote] : notes,
      privateNotes,
      // Worth a look: close to the best, and not a generic catch-all far below it.
      alternatives: a.candidates.filter((c) => c.confidence >= Math.max(confidence - 0.15, CONFIDENT - 0.15)).slice(0, 4),
      source,
      confidence,
      model,
    };
    let document: ReplyDocument;
    if (entry) document = entryDocument(entry, ctx);
    else if (answer.kind === 'model-free') document = modelDocument(answer, ctx);
    else document = unknownDocument(ctx, inputProblem(a));
    if (answer.kind === 'tentative') document = { ...document, headline: `Possibly: ${document.headline}` };

    return {
      status,
      type,
      category: entry?.category ?? 'unknown',
      entry: entry?.id ?? null,
      confidence,
      source,
      title: document.headline,
      reply: renderMarkdown(document),
      signals: a.signals,
      warnings: [...new Set(a.warnings)].concat((answer.kind === 'tentative' || answer.kind === 'none') && answer.modelUnavailable ? ['model-unavailable'] : []),
      client,
      retryable: document.retryable,
      candidates: a.candidates.slice(0, 5).map((c) => ({ entry: c.entry.id, category: c.entry.category, confidence: c.confidence })),
      model,
      document,
    };
  }

  function inputProblem(a: Analysis): string | null {
    if (a.warnings.includes('binary-input')) return 'This looks like binary data, not text. Paste the error message itself, or attach a screenshot.';
    if (a.warnings.includes('empty-input')) return 'The message was empty. Paste the error text (or attach a screenshot of it).';
    return null;
  }

  async function diagnose(raw: Inquiry, how: DiagnoseOptions = {}): Promise<Diagnosis> {
    const started = performance.now();
    const inquiry = parseInquiry(raw);
    const images = await readImages(inquiry.images, options.imageReader, logger);
    if (inquiry.images.length > 0 && options.imageReader) options.observer?.ocrRead?.(images.elapsedMs, images.text !== '');
    const text = [inquiry.text, images.text].filter((t) => t.trim() !== '').join('\n\n');
    const a = analyzeText(text, matcher, now(), images.findings);
    a.warnings.push(...images.warnings);
    const notes = [...images.notes];
    if (a.warnings.includes('multiple-errors')) notes.push(`Your paste holds ${a.signals.errorCount} error bodies; this answer is about the most recent one.`);
    if (a.warnings.includes('input-truncated')) notes.push('Your paste was very long; I read its beginning and its end.');
    const warning = secretWarning(a.findings);
    const answer = await decide(a, inquiry.user, how.rulesOnly === true);
    const category = answer.kind === 'rules' || answer.kind === 'tentative' ? answer.candidate.entry.category : answer.kind === 'model-entry' ? answer.entry.category : 'unknown';
    const status = await liveStatusLine(category, options.statusSource, logger);
    if (status) notes.push(status);
    const diagnosis = build(a, answer, inquiry, notes, warning ? [warning] : []);
    options.observer?.diagnosed?.(diagnosis, performance.now() - started);
    logger.info(
      { entry: diagnosis.entry, category: diagnosis.category, source: diagnosis.source, confidence: diagnosis.confidence, warnings: diagnosis.warnings },
      'diagnosed',
    );
    return diagnosis;
  }

  function renderFor(previous: Diagnosis, client: ClientId): Diagnosis {
    const entry = previous.entry ? byId.get(previous.entry) : undefined;
    const document: ReplyDocument = {
      ...previous.document,
      snippet: entry ? pickSnippet(entry, client) : previous.document.snippet,
      support: { ...previous.document.support, client },
      // The rotate-your-key warning was delivered with the first answer.
      privateNotes: [],
    };
    return { ...previous, client, document, reply: renderMarkdown(document) };
  }

  async function followUp(previous: Diagnosis, inquiry: Inquiry): Promise<Diagnosis> {
    const client = (inquiry.images?.length ?? 0) === 0 ? requestedClient(inquiry.text) : null;
    return client ? renderFor(previous, client) : diagnose(inquiry);
  }

  return { catalog, models, diagnose, followUp, renderFor };
}
