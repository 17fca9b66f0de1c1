import type { CompiledEntry } from '../catalog';
import type { ClientId, ReplyDocument, Signals } from '../contracts';
import type { Candidate } from '../match';
import type { ModelIndex } from '../models';
import { computeFacts } from './facts';
import { pickSnippet } from './snippet';

/** Everything a document needs besides the entry. */
export interface DocumentContext {
  signals: Signals;
  status: number | null;
  type: string | null;
  client: ClientId | null;
  text: string;
  now: Date;
  models: ModelIndex;
  notes: string[];
  privateNotes: string[];
  alternatives: Candidate[];
  source: 'rules' | 'model' | 'none';
  confidence: number;
  model: string | null;
}

export function statusLine(status: number | null, type: string | null): string | null {
  const parts = [status !== null ? `HTTP ${status}` : null, type].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

function common(ctx: DocumentContext, entryId: string | null): Omit<ReplyDocument, 'headline' | 'severity' | 'cause' | 'facts' | 'fix' | 'snippet' | 'retryable' | 'references'> {
  return {
    statusLine: statusLine(ctx.status, ctx.type),
    support: {
      requestId: ctx.signals.requestId,
      model: ctx.signals.model,
      client: ctx.client,
      status: ctx.status,
      type: ctx.type,
    },
    notes: ctx.notes,
    privateNotes: ctx.privateNotes,
    alternatives: ctx.alternatives
      .filter((c) => c.entry.id !== entryId)
      .slice(0, 3)
      .map((c) => ({ entry: c.entry.id, title: c.entry.title, confidence: c.confidence })),
    provenance: { source: ctx.source, entry: entryId, confidence: ctx.confidence, model: ctx.model },
  };
}

/** A catalogue entry, rendered for this paste: facts computed, snippet for the user's client. */
export function entryDocument(entry: CompiledEntry, ctx: DocumentContext): ReplyDocument {
  return {
    ...common(ctx, entry.id),
    headline: entry.title,
    severity: entry.severity,
    cause: entry.cause,
    facts: computeFacts(entry.facts, { signals: ctx.signals, text: ctx.text, now: ctx.now, models: ctx.models }),
    // Every step for now; issue 11's renderer keeps the universal steps and the detected client's.
    fix: entry.fix.map((step) => step.text),
    snippet: pickSnippet(entry, ctx.client),
    // Whether someone else's error is retryable is not ours to say.
    retryable: entry.category === 'out_of_scope' ? null : entry.retryable,
    references: entry.references,
  };
}

/** What the rules could tell when no entry fits — honest, with what to paste next. */
export function unknownDocument(ctx: DocumentContext, reason: string | null): ReplyDocument {
  const told: string[] = [];
  if (ctx.status !== null) told.push(`HTTP status ${ctx.status}`);
  if (ctx.signals.type) told.push(`error type \`${ctx.signals.type}\``);
  if (ctx.signals.message) told.push(`message "${ctx.signals.message.slice(0, 160)}"`);
  if (ctx.signals.sdkException) told.push(`exception \`${ctx.signals.sdkException}\``);
  const facts = told.length ? [`What I could read: ${told.join(', ')}.`] : [];
  if (reason) facts.push(reason);
  return {
    ...common(ctx, null),
    headline: "I don't recognise this",
    severity: 'info',
    cause:
      told.length > 0
        ? 'This does not match any Claude API error I know well enough to give you a confident fix — a wrong answer would cost you more time than none.'
        : 'I could not find a Claude API error in this text.',
    facts,
    fix: [
      'Paste the complete error: the status code, the JSON body (`{"type":"error","error":{...}}`) and the request id (`req_...`) if there is one.',
      'If it came from a tool (Claude Code, Cherry Studio, Cursor, an SDK), include the lines around it so I can tell which client you use.',
      'Server-side trouble shows on https://status.claude.com; the official error list is https://platform.claude.com/docs/en/api/errors.',
    ],
    snippet: null,
    retryable: null,
    references: [{ title: 'Claude API errors', url: 'https://platform.claude.com/docs/en/api/errors' }],
  };
}

/** A model answer that picked no catalogue entry: its explanation, clearly labelled. */
export function modelDocument(
  answer: { explanation: string; fix: string[] },
  ctx: DocumentContext,
): ReplyDocument {
  return {
    ...common(ctx, null),
    headline: 'Model answer (not from the catalogue)',
    severity: 'warning',
    cause: answer.explanation,
    facts: [],
    fix: answer.fix.length ? answer.fix : ['No specific fix was suggested; see the references below.'],
    snippet: null,
    retryable: null,
    references: [{ title: 'Claude API errors', url: 'https://platform.claude.com/docs/en/api/errors' }],
  };
}
