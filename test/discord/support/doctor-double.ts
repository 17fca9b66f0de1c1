import { type ClientId, type Diagnosis, DiagnosisSchema, EMPTY_SIGNALS, type Inquiry, type ReplyDocument } from '../../../src/contracts';
import type { Doctor } from '../../../src/ports';

/**
 * A stand-in for the core's Doctor with the same contract: every input gets a schema-valid
 * Diagnosis, pasted `sk-ant-` keys are masked and answered with a private "rotate it" note.
 * It recognises only the 529 overload; anything else gets the "unknown" answer. Tests can make it
 * slow, hang until released, throw, or return a huge document.
 */
export interface DoctorDouble extends Doctor {
  readonly inquiries: Inquiry[];
  /** Lets hanging diagnoses finish. */
  release(): void;
}

export interface DoubleOptions {
  delayMs?: number;
  hang?: boolean;
  fail?: boolean;
  /** Changes the document before it is returned (e.g. a 10,000-character cause). */
  edit?: (doc: ReplyDocument) => ReplyDocument;
}

const KEY = /sk-ant-[a-z0-9]+-[A-Za-z0-9_-]{20,}/g;

export function doctorDouble(options: DoubleOptions = {}): DoctorDouble {
  const inquiries: Inquiry[] = [];
  let releaseAll: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    releaseAll = resolve;
  });

  const diagnose = async (inquiry: Inquiry): Promise<Diagnosis> => {
    inquiries.push(inquiry);
    if (options.hang) await released;
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    if (options.fail) throw new Error('doctor double: scripted failure');
    return diagnosisFor(inquiry, options.edit);
  };

  return {
    inquiries,
    release: () => releaseAll(),
    diagnose,
    followUp: (previous, inquiry) => {
      const client = /\b(node|typescript|ts)\b/i.test(inquiry.text) ? 'typescript' : null;
      return client ? Promise.resolve(renderFor(previous, client)) : diagnose(inquiry);
    },
    renderFor: (previous, client) => renderFor(previous, client),
  };
}

function renderFor(previous: Diagnosis, client: ClientId): Diagnosis {
  const snippet = { key: 'typescript' as const, language: 'ts', label: 'TypeScript / Node SDK', code: "const client = new Anthropic({ maxRetries: 4 });" };
  return DiagnosisSchema.parse({ ...previous, client, document: { ...previous.document, snippet, support: { ...previous.document.support, client } } });
}

export function diagnosisFor(inquiry: Inquiry, edit?: (doc: ReplyDocument) => ReplyDocument): Diagnosis {
  const secret = KEY.test(inquiry.text);
  KEY.lastIndex = 0;
  const text = inquiry.text.replace(KEY, 'sk-ant-…REDACTED');
  const overloaded = /\b529\b|overloaded_error/i.test(text) || (inquiry.images?.length ?? 0) > 0;
  const requestId = /req_[A-Za-z0-9]+/.exec(text)?.[0] ?? null;
  const privateNotes = secret ? ['You pasted an API key (sk-ant-…). Anyone who saw it can use it: rotate it now in the Claude Console → API keys.'] : [];
  const notes = (inquiry.images?.length ?? 0) > 0 ? ['Read from your screenshot: 529 overloaded_error'] : [];

  const document: ReplyDocument = overloaded
    ? {
        headline: "Anthropic's API is temporarily overloaded (529)",
        severity: 'warning',
        statusLine: 'HTTP 529 · overloaded_error',
        cause: 'The API is under heavy load across all users right now. Your request and your account are fine.',
        facts: requestId ? [`Request ID ${requestId}`] : [],
        fix: [
          'Retry with exponential backoff and jitter; the SDKs retry 529 twice by default, raise `max_retries` for batch jobs.',
          'Stream long requests so a retry does not repeat minutes of work.',
          'For work that can wait, use the Message Batches API, or fall back to another model during spikes.',
        ],
        snippet: { key: 'python', language: 'python', label: 'Python SDK', code: 'client = anthropic.Anthropic(max_retries=5)' },
        retryable: true,
        support: { requestId, model: null, client: 'python', status: 529, type: 'overloaded_error' },
        references: [{ title: 'Errors', url: 'https://docs.claude.com/en/api/errors' }],
        notes,
        privateNotes,
        alternatives: [],
        provenance: { source: 'rules', entry: 'overloaded', confidence: 0.95, model: null },
      }
    : {
        headline: 'I do not recognise this error',
        severity: 'info',
        statusLine: null,
        cause: 'This does not look like a Claude API error I know.',
        facts: [],
        fix: ['Paste the full error, including the HTTP status and the request id.'],
        snippet: null,
        retryable: null,
        support: { requestId, model: null, client: null, status: null, type: null },
        references: [],
        notes,
        privateNotes,
        alternatives: [],
        provenance: { source: 'none', entry: null, confidence: 0, model: null },
      };
  const doc = edit ? edit(document) : document;
  return DiagnosisSchema.parse({
    status: overloaded ? 529 : null,
    type: overloaded ? 'overloaded_error' : null,
    category: overloaded ? 'overloaded' : 'unknown',
    entry: doc.provenance.entry,
    confidence: doc.provenance.confidence,
    source: doc.provenance.source,
    title: doc.headline,
    reply: `${doc.headline}\n\n${doc.cause}`,
    signals: { ...EMPTY_SIGNALS, status: overloaded ? 529 : null, type: overloaded ? 'overloaded_error' : null, requestId },
    warnings: secret ? ['secret-detected'] : [],
    client: doc.support.client,
    retryable: doc.retryable,
    candidates: doc.provenance.entry ? [{ entry: doc.provenance.entry, category: 'overloaded', confidence: doc.provenance.confidence }] : [],
    model: null,
    document: doc,
  });
}
