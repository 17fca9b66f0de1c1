import { CLIENT_LABELS, type ReplyDocument } from '../../src/contracts';
import { blockChars, context, header, LIMITS, section, type SlackBlock, type SlackMessage } from './blocks';
import { feedbackActions, type FeedbackRef } from './feedback-buttons';
import { chunkEscaped, escapedPrefix, escapeMrkdwn, fenceSafe, plainText } from './mrkdwn';

export interface RenderOptions {
  /**
   * `dm`: only the asker reads the reply, so private notes go into it. `channel`: they are left
   * out here and sent with `chat.postEphemeral` (see `renderPrivateNotes`).
   */
  audience: 'dm' | 'channel';
  /** Public notes from the adapter itself, e.g. an attachment it could not download. */
  extraNotes?: readonly string[];
  /** Adds 👍 / 👎 buttons to the last message. */
  feedback?: FeedbackRef;
}

/** Room for a bold title or a code fence around a chunk inside one section. */
const CHUNK = LIMITS.sectionText - 100;
const SEVERITY_EMOJI = { error: ':red_circle:', warning: ':warning:', info: ':information_source:' } as const;

/**
 * A ReplyDocument as one or more Slack messages. Never fails on size: long parts are cut into
 * sections under 3,000 characters and the sections packed into messages under 50 blocks.
 * Everything from the document is escaped; `privateNotes` only appear when `audience` is `dm`.
 */
export function renderReply(doc: ReplyDocument, options: RenderOptions): SlackMessage[] {
  const blocks: SlackBlock[] = [
    ...[...(options.extraNotes ?? []), ...doc.notes].flatMap((note) => sections(note)),
    header(plainText(`${SEVERITY_EMOJI[doc.severity]} ${doc.headline || 'Diagnosis'}`, LIMITS.headerText)),
    ...statusContext(doc),
    ...sections(doc.cause, '*Why*'),
    ...(doc.facts.length > 0 ? sections(doc.facts.map((f) => `• ${f}`).join('\n'), '*From your paste*') : []),
    ...(doc.fix.length > 0 ? sections(doc.fix.map((step, i) => `${i + 1}. ${step}`).join('\n'), '*Fix*') : []),
    ...(doc.snippet ? codeSections(doc.snippet.code, `*${escapeMrkdwn(doc.snippet.label)}*`) : []),
    ...alternativesContext(doc),
    ...(options.audience === 'dm' && doc.privateNotes.length > 0 ? privateSections(doc.privateNotes) : []),
    footer(doc),
  ];
  const fallback = escapedPrefix(`${doc.headline}: ${doc.cause}`, LIMITS.fallbackText - 100);
  return pack(blocks, fallback, doc.headline, options.feedback ? feedbackActions(options.feedback) : null);
}

/** The private notes alone, for `chat.postEphemeral` to the asker in a channel. */
export function renderPrivateNotes(notes: readonly string[]): SlackMessage[] {
  const text = escapedPrefix(`Only you can see this: ${notes.join(' ')}`, LIMITS.fallbackText - 100);
  return pack(privateSections(notes), text, 'Only you can see this', null);
}

/** The reply when the core failed: polite, and pointing somewhere useful. */
export function renderFailure(): SlackMessage {
  const text =
    ':warning: Sorry, something went wrong on my side while diagnosing this, so I cannot give you a ' +
    'reliable answer right now. Please try again in a minute.';
  return {
    text: 'Sorry, something went wrong while diagnosing this. Please try again in a minute.',
    blocks: [
      section(text),
      context([
        'Meanwhile: <https://platform.claude.com/docs/en/api/errors|Claude API errors reference> · ' +
          '<https://status.claude.com|Claude status page>',
      ]),
    ],
  };
}

function sections(raw: string, title?: string): SlackBlock[] {
  if (raw.trim() === '') return [];
  return chunkEscaped(raw, CHUNK).map((chunk, i) => section(i === 0 && title ? `${title}\n${chunk}` : chunk));
}

function codeSections(code: string, title: string): SlackBlock[] {
  return chunkEscaped(fenceSafe(code), CHUNK).map((chunk, i) =>
    section(`${i === 0 ? `${title}\n` : ''}\`\`\`\n${chunk}\n\`\`\``),
  );
}

function privateSections(notes: readonly string[]): SlackBlock[] {
  return sections(notes.map((n) => `• ${n}`).join('\n'), ':lock: *Only you can see this*');
}

function statusContext(doc: ReplyDocument): SlackBlock[] {
  const parts: string[] = [];
  if (doc.statusLine) parts.push(doc.statusLine);
  if (doc.retryable === true) parts.push('Retrying helps');
  if (doc.retryable === false) parts.push('Retrying will not help');
  return parts.length > 0 ? [context([escapedPrefix(parts.join(' · '), 2_000)])] : [];
}

function alternativesContext(doc: ReplyDocument): SlackBlock[] {
  if (doc.alternatives.length === 0) return [];
  const list = doc.alternatives
    .slice(0, 5)
    .map((a) => `${a.title} (${Math.round(a.confidence * 100)}%)`)
    .join(' · ');
  return [context([escapedPrefix(`Not it? Also possible: ${list}`, 2_000)])];
}

/** The context line: provenance, what to quote to support, and the official references. */
function footer(doc: ReplyDocument): SlackBlock {
  const elements = [provenance(doc)];
  const support = supportLine(doc);
  if (support) elements.push(support);
  if (doc.references.length > 0) {
    const links = doc.references.map((r) => `<${escapeLinkPart(r.url)}|${escapeLinkPart(r.title)}>`);
    elements.push(truncateLinks(links, 2_000));
  }
  return context(elements);
}

function provenance(doc: ReplyDocument): string {
  const { source, entry, confidence, model } = doc.provenance;
  const pct = `${Math.round(confidence * 100)}%`;
  if (source === 'rules') return escapeMrkdwn(`Matched catalogue entry \`${entry ?? 'unknown'}\` (${pct})`);
  if (source === 'model') {
    return escapeMrkdwn(`Explained by \`${model ?? 'the model fallback'}\` (${pct}), check it against the references`);
  }
  return 'No catalogue entry matched';
}

function supportLine(doc: ReplyDocument): string | null {
  const { requestId, model, client } = doc.support;
  const parts: string[] = [];
  if (requestId) parts.push(`request id \`${requestId}\``);
  if (model) parts.push(`model \`${model}\``);
  if (client) parts.push(CLIENT_LABELS[client]);
  return parts.length > 0 ? escapedPrefix(`For support: ${parts.join(' · ')}`, 2_000) : null;
}

/** Inside `<url|label>`, `|` and `>` would end the link early. */
function escapeLinkPart(s: string): string {
  return escapeMrkdwn(s.replace(/\|/g, '/'));
}

/** Whole links only: a link cut in half renders as broken markup. */
function truncateLinks(links: string[], max: number): string {
  let out = '';
  for (const link of links) {
    const next = out ? `${out} · ${link}` : link;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/** Packs blocks into messages under the block-count and character budgets. */
function pack(blocks: SlackBlock[], fallback: string, headline: string, actions: SlackBlock | null): SlackMessage[] {
  const groups: SlackBlock[][] = [[]];
  let chars = 0;
  for (const block of blocks) {
    const current = groups[groups.length - 1]!;
    const size = blockChars(block);
    // One slot stays free in every message for the feedback buttons of the last one.
    if (current.length > 0 && (current.length >= LIMITS.blocksPerMessage - 1 || chars + size > LIMITS.messageChars)) {
      groups.push([block]);
      chars = size;
    } else {
      current.push(block);
      chars += size;
    }
  }
  if (actions) groups[groups.length - 1]!.push(actions);
  return groups.map((group, i) => ({
    text: i === 0 ? fallback : escapedPrefix(`${headline} (continued, part ${i + 1} of ${groups.length})`, 300),
    blocks: group,
  }));
}
