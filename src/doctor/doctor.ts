import { createHash } from 'node:crypto';
import { type CompiledEntry, type CompiledRule, loadCatalog } from '../catalog';
import {
  type ClientId,
  type Diagnosis,
  type Inquiry,
  InquirySchema,
  type ParsedInquiry,
  type ReplyDocument,
} from '../contracts';
import { type Candidate, CONFIDENT } from '../match';
import { loadModels, ModelIndex, type ModelsData } from '../models';
import type { Opinion, SecondOpinion } from '../neighbours';
import type {
  DiagnoseOptions,
  Doctor,
  DoctorObserver,
  FallbackOutcome,
  FallbackUnavailableReason,
  FeedbackVote,
  ImageReader,
  LiveModelList,
  Logger,
  ModelFallback,
  ReviewSample,
  ReviewSink,
  SharedStore,
  StatusSource,
} from '../ports';
import { silentLogger } from '../ports';
import { guardOutbound } from '../redact';
import {
  clientParts,
  type DocumentContext,
  entryDocument,
  modelDocument,
  placeholderValues,
  renderDetailsMarkdown,
  renderReplyMarkdown,
  unknownDocument,
} from '../render';
import { type Analysis, analysisMatcher, analyzeText } from './analyze';
import { OffloadedAnalyzer, type OffloadOptions } from './offload/analyzer';
import { requestedClient } from './follow-up';
import { incidentLine } from './incidents';
import { readImages } from './images';
import { modelsFor } from './live-models';
import { liveStatusLine } from './live-status';
import { reportedStatusAndType } from './reported';
import { type Guess, hedgedGuess, neighbourHint } from './second-opinion';
import { secretWarning } from './secrets';
import { traceOf } from './trace';

export interface DoctorOptions {
  catalog?: CompiledEntry[];
  models?: ModelsData;
  imageReader?: ImageReader;
  fallback?: ModelFallback;
  observer?: DoctorObserver;
  /** Live status page, quoted on server-side errors. */
  statusSource?: StatusSource;
  /** The API's own model list (GET /v1/models), for ids newer than the models data. */
  liveModels?: LiveModelList;
  logger?: Logger;
  now?: () => Date;
  /** Shared state (incident and feedback counters). Without it nothing is counted. */
  store?: SharedStore;
  /** The review queue (`npm start` only: the CLI and tests never write to it). */
  review?: ReviewSink;
  /** Analyse long pastes on a worker thread with a deadline (chat adapters: many users, one event loop). */
  offload?: OffloadOptions;
  /** The second opinion from labelled real pastes (src/neighbours, SECOND_OPINION). Default: none. */
  secondOpinion?: SecondOpinion | null;
}

/** Feedback counters in the shared store live this long after their last vote. */
const FEEDBACK_TTL_MS = 90 * 24 * 3_600_000;

export interface CoreDoctor extends Doctor {
  readonly catalog: readonly CompiledEntry[];
  readonly models: ModelIndex;
  /** Stops the analysis worker, if one runs. */
  close(): Promise<void>;
}

/**
 * What decided the answer. `note` is a line for the user (the model was overloaded: ask again
 * later); `operator` lines are for logs and --json only (confidence, a fallback that is off or
 * misconfigured), never for the chat.
 */
type Answer =
  | { kind: 'rules'; candidate: Candidate }
  | { kind: 'tentative'; entry: CompiledEntry; confidence: number; note: string | null; operator: string[]; modelUnavailable?: boolean }
  | { kind: 'model-entry'; entry: CompiledEntry; model: string; confidence: number }
  | { kind: 'model-free'; model: string; explanation: string; fix: string[]; confidence: number }
  | { kind: 'none'; note: string | null; operator: string[]; modelUnavailable?: boolean };

/** Fallback failures only whoever runs the bot can act on: their line goes to logs and --json. */
const OPERATOR_REASONS: ReadonlySet<FallbackUnavailableReason> = new Set(['disabled', 'spend_limit', 'auth', 'rejected', 'invalid_answer', 'refused']);

/** Said in the details of a hedged ("Possibly: …") answer, before its cause. */
const HEDGE = "I'm not sure about this one: check that this matches what you see.";

/** The rule that decided a rules answer (a hedged one's, when the rules found its entry; not when a neighbour supplied it). */
function ruleOf(answer: Answer, candidates: readonly Candidate[]): CompiledRule | null {
  if (answer.kind === 'rules') return answer.candidate.entry.match[answer.candidate.rule] ?? null;
  if (answer.kind !== 'tentative') return null;
  const found = candidates.find((c) => c.entry === answer.entry);
  return found ? (found.entry.match[found.rule] ?? null) : null;
}

const parseInquiry = (inquiry: Inquiry): ParsedInquiry => {
  const parsed = InquirySchema.safeParse(inquiry);
  return parsed.success ? parsed.data : { platform: 'test', text: '', images: [], user: 'local', isDM: false, truncated: false };
};

export function createDoctor(options: DoctorOptions = {}): CoreDoctor {
  const catalog = options.catalog ?? loadCatalog();
  const models = new ModelIndex(options.models ?? loadModels());
  const byId = new Map(catalog.map((e) => [e.id, e]));
  const matcher = analysisMatcher(catalog);
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const analyzer = options.offload ? new OffloadedAnalyzer(catalog, matcher, logger, options.offload) : null;
  void analyzer?.warmUp();

  async function decide(a: Analysis, user: string, rulesOnly: boolean, opinion: Opinion | null): Promise<Answer> {
    const best = a.candidates[0];
    if (best && best.confidence >= CONFIDENT && opinion?.role !== 'hedges') return { kind: 'rules', candidate: best };
    // The rules' guess, or the neighbours' when the rules had none; hedged when a strong neighbour doubts it.
    const guess = hedgedGuess(best, opinion);
    const fallback = options.fallback;
    if (rulesOnly || !fallback?.enabled || a.normalized.flat === '') {
      const off =
        a.normalized.flat === ''
          ? []
          : rulesOnly
            ? ['no model asked for this answer (rules only): the rules answered alone']
            : ['model fallback not configured (ANTHROPIC_API_KEY unset): the rules answered alone'];
      return guess
        ? { kind: 'tentative', entry: guess.entry, confidence: guess.confidence, note: null, operator: [...uncertain(guess), ...off] }
        : { kind: 'none', note: null, operator: off };
    }
    const started = performance.now();
    const outcome: FallbackOutcome = await fallback
      .explain({
        text: a.normalized.text,
        signals: a.signals,
        candidates: a.candidates.slice(0, 5).map((c) => ({ entry: c.entry.id, category: c.entry.category, confidence: c.confidence })),
        ...neighbourHint(opinion),
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
    const forOperator = OPERATOR_REASONS.has(outcome.reason);
    const note = forOperator ? null : outcome.message;
    const operator = forOperator ? [`model fallback unavailable (${outcome.reason}): ${outcome.message}`] : [];
    return guess
      ? { kind: 'tentative', entry: guess.entry, confidence: guess.confidence, note, operator: [...uncertain(guess), ...operator], modelUnavailable: true }
      : { kind: 'none', note, operator, modelUnavailable: true };
  }

  /** Operator lines for a hedged answer: its confidence, and why the second opinion hedged or supplied it. */
  function uncertain(guess: Guess): string[] {
    const bar = `confidence ${guess.confidence.toFixed(2)}, below the ${CONFIDENT.toFixed(2)} bar for a confident answer`;
    return guess.why ? [bar, guess.why] : [bar];
  }

  function build(a: Analysis, answer: Answer, inquiry: ParsedInquiry, notes: string[], privateNotes: string[], modelIndex: ModelIndex, opinion: Opinion | null): Diagnosis {
    const entry = answer.kind === 'rules' ? answer.candidate.entry : answer.kind === 'tentative' || answer.kind === 'model-entry' ? answer.entry : null;
    const { status, type } = reportedStatusAndType(entry, a.signals);
    const client: ClientId | null = inquiry.client ?? a.signals.client;
    const source = answer.kind === 'rules' || answer.kind === 'tentative' ? 'rules' : answer.kind === 'none' ? 'none' : 'model';
    const confidence = answer.kind === 'rules' ? answer.candidate.confidence : answer.kind === 'none' ? 0 : answer.confidence;
    const model = answer.kind === 'model-entry' || answer.kind === 'model-free' ? answer.model : null;
    const hedged = answer.kind === 'tentative' || answer.kind === 'none';
    const extraNote = hedged ? answer.note : null;
    const ctx: DocumentContext = {
      signals: a.signals,
      status,
      type,
      client,
      text: a.extraction.focus,
      pasteLower: a.normalized.lower,
      now: now(),
      models: modelIndex,
      notes: extraNote ? [...notes, extraNote] : notes,
      privateNotes,
      operatorNotes: hedged ? answer.operator : [],
      // Worth a look: close to the best, and not a generic catch-all far below it.
      alternatives: a.candidates.filter((c) => c.confidence >= Math.max(confidence - 0.15, CONFIDENT - 0.15)).slice(0, 4),
      rule: ruleOf(answer, a.candidates),
      source,
      confidence,
      model,
    };
    let document: ReplyDocument;
    if (entry) document = entryDocument(entry, ctx);
    else if (answer.kind === 'model-free') document = modelDocument(answer, ctx);
    else document = unknownDocument(ctx, inputProblem(a));
    if (answer.kind === 'tentative') document = { ...document, headline: `Possibly: ${document.headline}`, cause: `${HEDGE} ${document.cause}` };

    return {
      status,
      type,
      category: entry?.category ?? 'unknown',
      entry: entry?.id ?? null,
      confidence,
      source,
      title: document.headline,
      reply: renderReplyMarkdown(document),
      details: renderDetailsMarkdown(document),
      signals: a.signals,
      warnings: [...new Set(a.warnings)].concat((answer.kind === 'tentative' || answer.kind === 'none') && answer.modelUnavailable ? ['model-unavailable'] : []),
      client,
      retryable: document.retryable,
      candidates: a.candidates.slice(0, 5).map((c) => ({ entry: c.entry.id, category: c.entry.category, confidence: c.confidence })),
      model,
      operatorNotes: document.operatorNotes,
      // Only when asked (diagnose --explain): the default JSON keeps its size.
      ...(inquiry.explain ? { trace: traceOf(a, matcher, opinion) } : {}),
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
    const a = analyzer ? await analyzer.analyze(text, now(), images.findings) : analyzeText(text, matcher, now(), images.findings);
    a.warnings.push(...images.warnings);
    if (inquiry.truncated && !a.warnings.includes('input-truncated')) a.warnings.push('input-truncated');
    const notes = [...images.notes];
    if (a.warnings.includes('multiple-errors')) notes.push(`Your paste holds ${a.signals.errorCount} error bodies; this answer is about the most recent one.`);
    if (a.warnings.includes('input-truncated')) notes.push('Your paste was very long; I read its beginning and its end.');
    if (a.warnings.includes('analysis-timeout')) notes.push('Reading this paste took too long, so this answer comes without the catalogue rules. Paste just the error itself for a full answer.');
    const warning = secretWarning(a.findings);
    const opinion = a.normalized.flat === '' ? null : (options.secondOpinion?.consult(a.extraction.focus, a.candidates) ?? null);
    const [answer, modelIndex] = await Promise.all([decide(a, inquiry.user, how.rulesOnly === true, opinion), modelsFor(models, a.signals.model, options.liveModels)]);
    const category = answer.kind === 'rules' ? answer.candidate.entry.category : answer.kind === 'tentative' || answer.kind === 'model-entry' ? answer.entry.category : 'unknown';
    const [status, incident] = await Promise.all([
      liveStatusLine(category, options.statusSource, logger),
      incidentLine(category, inquiry, options.store, now().getTime(), logger),
    ]);
    if (status) notes.push(status);
    if (incident) notes.push(incident);
    const built = outbound(build(a, answer, inquiry, notes, warning ? [warning] : [], modelIndex, opinion));
    const reviewRef = await reviewed(a, answer, built, how.rulesOnly === true);
    const diagnosis = reviewRef ? { ...built, reviewRef } : built;
    options.observer?.diagnosed?.(diagnosis, performance.now() - started);
    logger.info(
      {
        entry: diagnosis.entry,
        category: diagnosis.category,
        source: diagnosis.source,
        confidence: diagnosis.confidence,
        warnings: diagnosis.warnings,
        ...(diagnosis.operatorNotes.length ? { operatorNotes: diagnosis.operatorNotes } : {}),
      },
      'diagnosed',
    );
    return diagnosis;
  }

  /** Hands the answer to the review queue (if any); returns the reference a 👎 on it can name. */
  async function reviewed(a: Analysis, answer: Answer, d: Diagnosis, unasked: boolean): Promise<string | undefined> {
    if (!options.review || a.normalized.flat === '' || a.warnings.includes('binary-input')) return undefined;
    // Unasked text (a watched channel) that the rules cannot answer stays unanswered: it is someone's
    // chat, not a question for the bot, and is neither queued nor remembered.
    if (unasked && answer.kind !== 'rules') return undefined;
    const reason: ReviewSample['reason'] = answer.kind === 'none' ? 'unrecognised' : answer.kind === 'tentative' ? 'hedged' : null;
    const ref = await options.review.answered({ reason, text: a.normalized.text, focus: a.extraction.focus, entry: d.entry, client: d.client });
    return ref ?? undefined;
  }

  async function feedback(vote: FeedbackVote): Promise<void> {
    // The entry came back through a button: only a catalogue id names a counter.
    const entry = vote.entry && byId.has(vote.entry) ? vote.entry : 'none';
    await options.store?.increment(`feedback:${entry}:${vote.vote}`, 1, FEEDBACK_TTL_MS).catch((error: unknown) => logger.debug({ err: (error as Error).message }, 'feedback counter unavailable'));
    if (vote.vote === 'down' && vote.ref) await options.review?.thumbsDown(vote.ref);
  }

  /** Every Diagnosis leaves through the outbound gate; a mask there means redaction missed a secret. */
  function outbound(diagnosis: Diagnosis): Diagnosis {
    const checked = guardOutbound(diagnosis, 'diagnosis');
    if (checked !== diagnosis) logger.warn({ outbound: 'diagnosis' }, 'outbound gate masked a key-shaped run that redaction had missed');
    return checked;
  }

  /** The same answer for another client: its steps, question and snippet; the verdict and facts stay. */
  function renderFor(previous: Diagnosis, client: ClientId): Diagnosis {
    const entry = previous.entry ? byId.get(previous.entry) : undefined;
    // The paste is not kept; its values for the snippet come back from what was extracted from it.
    const values = () => placeholderValues(previous.signals, previous.signals.message ?? '', models);
    const document: ReplyDocument = {
      ...previous.document,
      ...(entry ? clientParts(entry, client, values, null, [previous.document.headline, ...previous.document.verdict]) : {}),
      support: { ...previous.document.support, client },
      // The rotate-your-key warning was delivered with the first answer.
      privateNotes: [],
    };
    return outbound({ ...previous, client, document, reply: renderReplyMarkdown(document), details: renderDetailsMarkdown(document) });
  }

  async function followUp(previous: Diagnosis, inquiry: Inquiry): Promise<Diagnosis> {
    const client = (inquiry.images?.length ?? 0) === 0 ? requestedClient(inquiry.text) : null;
    return client ? renderFor(previous, client) : diagnose(inquiry);
  }

  return { catalog, models, diagnose, followUp, renderFor, feedback, close: async () => analyzer?.close() };
}
