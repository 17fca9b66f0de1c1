import type { CompiledEntry, CompiledRule } from '../catalog';
import type { ClientId, ReplyDocument, Signals } from '../contracts';
import type { Candidate } from '../match';
import type { ModelIndex } from '../models';
import { computeFacts, type Fact } from './facts';
import { errorInItsWords, errorishExcerpt, pasteDetails } from './paste-details';
import { type PlaceholderSource, placeholderValues } from './placeholders';
import { orderForReply, replyStepCount, stepRoom } from './reply-budget';
import { retryBannerFact, withoutRetryStatus } from './retry-banner';
import { echoesPaste, pickSnippet } from './snippet';
import { answeringService } from './service';
import { clientQuestion, stepsFor } from './steps';

/** Everything a document needs besides the entry. */
export interface DocumentContext {
  signals: Signals;
  status: number | null;
  type: string | null;
  client: ClientId | null;
  /** The text the rules read (primary error, one line). */
  text: string;
  /** The whole paste, lower-cased, one line: to leave out a snippet the user already ran. */
  pasteLower: string;
  now: Date;
  models: ModelIndex;
  notes: string[];
  privateNotes: string[];
  /** For logs and --json only (see ReplyDocument.operatorNotes). */
  operatorNotes: string[];
  alternatives: Candidate[];
  /** The catalogue rule that decided the answer, when the rules did: its match is the paste's own words. */
  rule: CompiledRule | null;
  source: 'rules' | 'model' | 'none';
  confidence: number;
  model: string | null;
}

export function statusLine(status: number | null, type: string | null): string | null {
  const parts = [status !== null ? `HTTP ${status}` : null, type].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

type Common = Pick<ReplyDocument, 'statusLine' | 'support' | 'notes' | 'privateNotes' | 'alternatives' | 'provenance'>;

function common(ctx: DocumentContext, entryId: string | null): Common {
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

/**
 * A document: the common fields, then the document's own, in that order. Not `{ ...common(), … }`:
 * on Node 20 a literal that spreads an object and then adds fields is built by a slow generic path
 * (microseconds per answer; it led the rules path's render profile).
 */
function withCommon(ctx: DocumentContext, entryId: string | null, own: Omit<ReplyDocument, keyof Common>): ReplyDocument {
  return Object.assign(common(ctx, entryId), own);
}

const unique = (xs: string[]) => [...new Set(xs)];

/** True when `step` already says `fact`: word for word, or naming every `code` the fact names. */
function saysAlready(step: string, fact: string): boolean {
  if (step.includes(fact)) return true;
  const codes = [...fact.matchAll(/`([^`\n]{3,80})`/g)].map((m) => m[1]!);
  return codes.length > 0 && codes.every((c) => step.includes(c));
}

/**
 * The parts of a document that depend on the client: its steps (those naming what the paste shows
 * first), the question, the snippet. `paste` is null on a re-render, when the paste is gone.
 */
export function clientParts(
  entry: CompiledEntry,
  client: ClientId | null,
  values: PlaceholderSource,
  paste: { lower: string; cloud: Signals['cloud']; service?: string | null } | null,
  /** The headline and verdict: the steps get the room they leave. */
  above: readonly string[],
): Pick<ReplyDocument, 'fix' | 'replySteps' | 'question' | 'snippet'> {
  const { steps, own, group, withheldFor } = stepsFor(entry.fix, client, paste?.service ?? null);
  const question = client === null ? clientQuestion(withheldFor) : null;
  const picked = pickSnippet(entry, client, values);
  // The user's own command shown back is no fix (they ran it: it is in the paste).
  const snippet = picked && paste !== null && echoesPaste(picked, paste.lower) ? null : picked;
  // On a re-render the paste is gone, but the steps meant for the new client still come first.
  const ordered = orderForReply(steps, { lower: paste?.lower ?? '', cloud: paste?.cloud ?? null, own, group }, stepRoom(...above, question));
  return { fix: ordered.steps, replySteps: ordered.replySteps, question, snippet };
}

/** A catalogue entry, rendered for this paste: facts computed, steps and snippet for the user's client. */
export function entryDocument(entry: CompiledEntry, ctx: DocumentContext): ReplyDocument {
  const facts = computeFacts(entry.facts, { signals: ctx.signals, text: ctx.text, now: ctx.now, models: ctx.models });
  const details = pasteDetails({ signals: ctx.signals, text: ctx.text, models: ctx.models }, entry);
  const deciding = [...facts, ...details.deciding];
  // Claude Code's retry status leads: what it already tried decides what to do next. It does not
  // stand in for the error's own words (it says how often, not what failed), which need not repeat it.
  const retries = retryBannerFact(ctx.text, entry);
  // Nothing computed names what the paste shows: the error's own words do.
  const words = deciding.length === 0 ? errorInItsWords(ctx.signals, entry.title, retries ? withoutRetryStatus(ctx.text) : ctx.text, ctx.rule) : null;
  const lead = retries ? [retries] : [];
  const computed = [...lead, ...deciding, ...details.also];
  const verdict = [...lead.map((f) => f.brief), ...deciding.map((f) => f.brief), ...(words ? [words] : []), ...details.also.map((f) => f.brief)];
  const values = () => placeholderValues(ctx.signals, ctx.text, ctx.models);
  const service = answeringService(ctx.signals, entry);
  const parts = clientParts(entry, ctx.client, values, { lower: ctx.pasteLower, cloud: ctx.signals.cloud, service }, [entry.title, ...verdict]);
  return withCommon(ctx, entry.id, {
    headline: entry.title,
    severity: entry.severity,
    verdict,
    cause: entry.cause,
    // What a step already says is not said again as a fact (`GET /v1/models` in a step and in a fact).
    facts: unique(computed.flatMap((f) => (f.more ? [f.more] : []))).filter((fact) => !parts.fix.some((step) => saysAlready(step, fact))),
    fix: parts.fix,
    replySteps: parts.replySteps,
    question: parts.question,
    snippet: parts.snippet,
    // Whether someone else's error is retryable is not ours to say.
    retryable: entry.category === 'out_of_scope' ? null : entry.retryable,
    references: entry.references,
    operatorNotes: unique([...ctx.operatorNotes, ...computed.flatMap((f) => (f.operator ? [f.operator] : []))]),
  });
}

/** What the rules could tell when no entry fits — honest, naming what was read, asking for what is missing. */
export function unknownDocument(ctx: DocumentContext, reason: string | null): ReplyDocument {
  const told: string[] = [];
  if (ctx.status !== null) told.push(`HTTP status ${ctx.status}`);
  if (ctx.signals.type) told.push(`error type \`${ctx.signals.type}\``);
  if (ctx.signals.message) told.push(`message “${ctx.signals.message.slice(0, 160)}”`);
  if (ctx.signals.sdkException) told.push(`exception \`${ctx.signals.sdkException}\``);
  const read = reason ? null : errorishExcerpt(ctx.text);
  const verdict = [
    reason ??
      (told.length ? `What I could read: ${told.join(', ')}.` : read ? `I found no Claude API error I know in this; the closest I read: “${read}”` : 'I could not find a Claude API error in this text.'),
  ];
  // With an error body in hand, the question is what is missing around it; without one, how to paste it.
  const bodyRead = ctx.signals.message !== null || ctx.signals.type !== null;
  const pasteStep = 'Paste the complete error: the status code, the JSON body (`{"type":"error","error":{...}}`) and the request id (`req_...`) if there is one.';
  const toolStep = 'If it came from a tool (Claude Code, Cherry Studio, Cursor, an SDK), include the lines around it so I can tell which client you use.';
  const statusStep = 'Server-side trouble shows on https://status.claude.com; the official error list is https://platform.claude.com/docs/en/api/errors.';
  const fix = bodyRead ? [statusStep] : told.length > 0 ? [pasteStep, statusStep] : [pasteStep, toolStep, statusStep];
  return withCommon(ctx, null, {
    headline: "I don't recognise this",
    severity: 'info',
    verdict,
    cause:
      told.length > 0
        ? 'This does not match any Claude API error I know well enough to give you a confident fix — a wrong answer would cost you more time than none.'
        : '',
    facts: [],
    fix,
    replySteps: bodyRead ? 0 : told.length > 0 ? 1 : 2,
    question: told.length > 0 ? 'Which app or SDK sent this, and to which API host (api.anthropic.com, Amazon Bedrock, Google Vertex AI, a gateway)?' : null,
    snippet: null,
    retryable: null,
    references: [{ title: 'Claude API errors', url: 'https://platform.claude.com/docs/en/api/errors' }],
    operatorNotes: ctx.operatorNotes,
  });
}

/** A model answer that picked no catalogue entry: its explanation is the verdict, clearly labelled. */
export function modelDocument(answer: { explanation: string; fix: string[] }, ctx: DocumentContext): ReplyDocument {
  const fix = answer.fix.length ? answer.fix : ['No specific fix was suggested; see the references below.'];
  return withCommon(ctx, null, {
    headline: 'Model answer (not from the catalogue)',
    severity: 'warning',
    verdict: [answer.explanation],
    cause: '',
    facts: [],
    fix,
    replySteps: replyStepCount(fix),
    question: null,
    snippet: null,
    retryable: null,
    references: [{ title: 'Claude API errors', url: 'https://platform.claude.com/docs/en/api/errors' }],
    operatorNotes: ctx.operatorNotes,
  });
}
