import type { Reference, ReplyDocument, Snippet } from '../contracts';
import { snippetFitsReply } from './snippet';

/**
 * The two messages of every answer, decided here once for every renderer (markdown, Block Kit,
 * Discord embeds): the first message a chat user sees, and the details behind "More detail".
 * Together they hold each step, fact and link once — nothing is said twice.
 */
export interface ReplyPart {
  headline: string;
  severity: ReplyDocument['severity'];
  /** Public notes before the answer ("Read from your screenshot: …", the status page). */
  notes: string[];
  /** The deciding detail and the computed facts, as sentences under the headline. */
  verdict: string[];
  /** Steps 1…n of the client's fix. */
  steps: string[];
  question: string | null;
  /** A snippet of at most three lines, only when the client is known. */
  snippet: Snippet | null;
  /** The one link: the first reference, unless a step shown already carries a link. */
  link: Reference | null;
  /** Another error the paste shows as clearly as this one (a tie in evidence): named in one line. */
  also: ReplyDocument['alternatives'][number] | null;
  /** Provenance, for feedback and bug reports: the entry id, or the model that answered. */
  context: string | null;
}

export interface DetailsPart {
  cause: string;
  /** What the verdict left out of its facts (how they were computed). */
  facts: string[];
  /** The steps the first message did not show, numbered from `start`. */
  steps: { start: number; items: string[] };
  snippet: Snippet | null;
  alternatives: ReplyDocument['alternatives'];
  /** "HTTP 429 · rate_limit_error", whether retrying helps, request id, model, client. */
  support: {
    statusLine: string | null;
    retryable: boolean | null;
    requestId: string | null;
    model: string | null;
    client: ReplyDocument['support']['client'];
  };
  /** The references the first message did not link. */
  references: Reference[];
}

const LINK = /https?:\/\//;

function context(doc: ReplyDocument): string | null {
  const p = doc.provenance;
  if (p.source === 'rules') return p.entry ? `entry \`${p.entry}\`` : null;
  if (p.source === 'model') return `answered by \`${p.model ?? 'a Claude model'}\`${p.entry ? ` · entry \`${p.entry}\`` : ''}`;
  return null;
}

/** An alternative as sure as the answer itself: the paste holds two errors, and both deserve a word. */
const tiedAlternative = (doc: ReplyDocument) =>
  doc.provenance.source === 'rules' ? (doc.alternatives.find((a) => a.confidence >= doc.provenance.confidence) ?? null) : null;

export function replyPart(doc: ReplyDocument): ReplyPart {
  const steps = doc.fix.slice(0, doc.replySteps);
  const linked = [...steps, ...doc.verdict, doc.question ?? ''].some((s) => LINK.test(s));
  return {
    headline: doc.headline,
    severity: doc.severity,
    notes: doc.notes,
    verdict: doc.verdict,
    steps,
    question: doc.question,
    snippet: snippetFitsReply(doc.snippet, doc.support.client) ? doc.snippet : null,
    link: linked ? null : (doc.references[0] ?? null),
    also: tiedAlternative(doc),
    context: context(doc),
  };
}

export function detailsPart(doc: ReplyDocument): DetailsPart {
  const reply = replyPart(doc);
  return {
    cause: doc.cause,
    facts: doc.facts,
    steps: { start: reply.steps.length + 1, items: doc.fix.slice(reply.steps.length) },
    snippet: reply.snippet ? null : doc.snippet,
    alternatives: doc.alternatives.filter((a) => a !== reply.also),
    support: {
      statusLine: doc.statusLine,
      retryable: doc.retryable,
      requestId: doc.support.requestId,
      model: doc.support.model,
      client: doc.support.client,
    },
    references: doc.references.filter((r) => r.url !== reply.link?.url),
  };
}

/** Whether "More detail" has anything to show (an answer with no cause, steps or snippet left has not). */
export function hasDetails(d: DetailsPart): boolean {
  return d.cause !== '' || d.facts.length > 0 || d.steps.items.length > 0 || d.snippet !== null || d.alternatives.length > 0 || d.references.length > 0 || d.support.requestId !== null;
}
