import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DoctorObserver } from '../ports';
import { outboundMaskedCounts } from '../redact';

/**
 * Hooks a chat adapter calls. One object fits both adapters' hook interfaces structurally
 * (Slack's `SlackMetrics`, Discord's `DiscordMetrics`), so neither adapter imports this module.
 * Every hook is cheap and never throws.
 */
export interface AdapterMetricsHooks {
  eventReceived(kind: string): void;
  replySent(kind: string): void;
  replyFailed(kind: string): void;
  /** Slack's argument order. */
  feedbackVote(vote: string, entry: string | null): void;
  /** Discord's argument order. */
  feedback(entry: string | null, vote: string): void;
  /** The reason is free text (an error description), so only the count is kept. */
  restartScheduled(reason: string, delayMs: number): void;
}

export interface MetricsOptions {
  /** Process and Node.js metrics (process_*, nodejs_*). On by default. */
  defaultMetrics?: boolean;
}

export interface AppMetrics {
  /** Own registry, not prom-client's global one, so several bots (or tests) can live in one process. */
  readonly registry: Registry;
  readonly observer: DoctorObserver;
  /** The model fallback's own hook (`FallbackMetrics` in src/fallback): HTTP requests and cache hits. */
  readonly fallback: { call(outcome: string, latencyMs: number, attempts: number): void };
  adapter(name: string): AdapterMetricsHooks;
  /** Catalogue entry ids; any other entry in a vote becomes "other", so a forged vote adds no series. */
  knownEntries(ids: Iterable<string>): void;
  /** Reported as `claude_doctor_adapter_up` at each scrape. */
  watchAdapters(states: () => Record<string, string>): void;
  /** Reported as `claude_doctor_replies_in_flight` at each scrape. */
  watchInFlight(count: () => number): void;
  /** Events received so far, by adapter and kind (what `/healthz` shows under `events`). */
  eventCounts(): Record<string, Record<string, number>>;
  /** The Prometheus text exposition and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

const PREFIX = 'claude_doctor_';
/** Label values come from code, but a bounded shape keeps a bug from exploding the series count. */
const label = (value: string | null | undefined, fallback = 'none') =>
  value == null ? fallback : /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(value) ? value : 'other';
const seconds = (ms: number) => Math.max(0, ms) / 1000;

export function createMetrics(options: MetricsOptions = {}): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  let known: ReadonlySet<string> | null = null;
  const entryLabel = (entry: string | null) => (entry !== null && known && !known.has(entry) ? 'other' : label(entry));
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });

  const diagnoses = new Counter({ name: `${PREFIX}diagnoses_total`, help: 'Diagnoses answered, by source (rules, model, none) and category.', labelNames: ['source', 'category'], registers });
  const diagnosisSeconds = new Histogram({ name: `${PREFIX}diagnosis_seconds`, help: 'Time to diagnose one inquiry, OCR and model fallback included.', labelNames: ['source'], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers });
  const warnings = new Counter({ name: `${PREFIX}diagnosis_warnings_total`, help: 'Warnings raised while diagnosing (secret-detected, input-truncated, image-not-read, ...).', labelNames: ['warning'], registers });
  const fallbackCalls = new Counter({ name: `${PREFIX}fallback_calls_total`, help: 'Model fallback calls, by outcome (answer, or why the model was unavailable).', labelNames: ['outcome'], registers });
  const fallbackSeconds = new Histogram({ name: `${PREFIX}fallback_seconds`, help: 'Model fallback latency, retries included.', labelNames: ['outcome'], buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60], registers });
  const fallbackRequests = new Counter({ name: `${PREFIX}fallback_http_requests_total`, help: 'HTTP requests to the Anthropic API made by fallback calls (retries included), by call outcome.', labelNames: ['outcome'], registers });
  const fallbackCacheHits = new Counter({ name: `${PREFIX}fallback_cache_hits_total`, help: 'Fallback calls answered from the answer cache, with no request.', registers });
  const ocrSeconds = new Histogram({ name: `${PREFIX}ocr_seconds`, help: 'Time to read the screenshots of one inquiry, by outcome (ok, failed).', labelNames: ['outcome'], buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20], registers });
  const events = new Counter({ name: `${PREFIX}events_received_total`, help: 'Events received from a chat platform, by adapter and kind.', labelNames: ['adapter', 'kind'], registers });
  const repliesSent = new Counter({ name: `${PREFIX}replies_sent_total`, help: 'Messages posted, by adapter and kind.', labelNames: ['adapter', 'kind'], registers });
  const repliesFailed = new Counter({ name: `${PREFIX}replies_failed_total`, help: 'Messages the platform refused or that could not be sent, by adapter and kind.', labelNames: ['adapter', 'kind'], registers });
  const votes = new Counter({ name: `${PREFIX}feedback_votes_total`, help: 'Feedback votes on answers, by adapter, catalogue entry and vote.', labelNames: ['adapter', 'entry', 'vote'], registers });
  const restarts = new Counter({ name: `${PREFIX}adapter_restarts_total`, help: 'Times an adapter had to reconnect from scratch after a failure.', labelNames: ['adapter'], registers });

  let adapterStates: () => Record<string, string> = () => ({});
  let inFlight: () => number = () => 0;
  new Gauge({
    name: `${PREFIX}adapter_up`,
    help: '1 while the adapter is connected (Socket Mode, gateway) or listening, else 0.',
    labelNames: ['adapter'],
    registers,
    collect() {
      this.reset();
      for (const [name, state] of Object.entries(adapterStates())) this.set({ adapter: label(name) }, state === 'up' ? 1 : 0);
    },
  });
  new Gauge({
    name: `${PREFIX}replies_in_flight`,
    help: 'Replies being worked on right now.',
    registers,
    collect() {
      this.set(inFlight());
    },
  });

  // Read at each scrape from the gate's own count: every exit passes the gate, also outside the doctor.
  new Counter({
    name: `${PREFIX}outbound_masked_total`,
    help: 'Key-shaped runs the final outbound gate had to mask, by exit (diagnosis, chat, cli, log, model-request, review-queue). Non-zero means redaction missed a secret.',
    labelNames: ['exit'],
    registers,
    collect() {
      this.reset();
      for (const [exit, count] of Object.entries(outboundMaskedCounts())) this.inc({ exit }, count);
    },
  });

  const observer: DoctorObserver = {
    diagnosed(d, elapsedMs) {
      diagnoses.inc({ source: label(d.source), category: label(d.category) });
      diagnosisSeconds.observe({ source: label(d.source) }, seconds(elapsedMs));
      for (const w of d.warnings) warnings.inc({ warning: label(w) });
    },
    fallbackCalled(outcome, elapsedMs) {
      fallbackCalls.inc({ outcome: label(outcome) });
      fallbackSeconds.observe({ outcome: label(outcome) }, seconds(elapsedMs));
    },
    ocrRead(elapsedMs, ok) {
      ocrSeconds.observe({ outcome: ok ? 'ok' : 'failed' }, seconds(elapsedMs));
    },
  };

  const fallback = {
    call(outcome: string, _latencyMs: number, attempts: number) {
      if (outcome === 'cached') fallbackCacheHits.inc();
      if (attempts > 0) fallbackRequests.inc({ outcome: label(outcome) }, attempts);
    },
  };

  // The same counts as `events`, kept as plain numbers so /healthz need not parse the registry.
  const eventTally: Record<string, Record<string, number>> = {};
  const countEvent = (a: string, kind: string) => {
    const byKind = (eventTally[a] ??= {});
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  };

  function adapter(name: string): AdapterMetricsHooks {
    const a = label(name);
    const vote = (entry: string | null, v: string) => votes.inc({ adapter: a, entry: entryLabel(entry), vote: label(v) });
    return {
      eventReceived: (kind) => {
        events.inc({ adapter: a, kind: label(kind) });
        countEvent(a, label(kind));
      },
      replySent: (kind) => repliesSent.inc({ adapter: a, kind: label(kind) }),
      replyFailed: (kind) => repliesFailed.inc({ adapter: a, kind: label(kind) }),
      feedbackVote: (v, entry) => vote(entry, v),
      feedback: (entry, v) => vote(entry, v),
      restartScheduled: () => restarts.inc({ adapter: a }),
    };
  }

  return {
    registry,
    observer,
    fallback,
    adapter,
    knownEntries: (ids) => void (known = new Set(ids)),
    watchAdapters: (states) => void (adapterStates = states),
    watchInFlight: (count) => void (inFlight = count),
    eventCounts: () => Object.fromEntries(Object.entries(eventTally).map(([a, byKind]) => [a, { ...byKind }])),
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
