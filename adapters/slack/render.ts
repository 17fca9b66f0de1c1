import { CLIENT_LABELS, type Reference, type ReplyDocument } from '../../src/contracts';
import { type DetailsPart, detailsPart, hasDetails, replyPart } from '../../src/render';
import { blockChars, context, header, LIMITS, section, type SlackBlock, type SlackMessage } from './blocks';
import { answerActions, type FeedbackRef } from './feedback-buttons';
import { chunkEscaped, escapedPrefix, escapeMrkdwn, fenceSafe, plainText } from './mrkdwn';

export interface RenderOptions {
  /**
   * `dm`: only the asker reads the reply, so private notes lead it. `channel`: they are left
   * out here and sent with `chat.postEphemeral` (see `renderPrivateNotes`).
   */
  audience: 'dm' | 'channel';
  /** Public notes from the adapter itself, e.g. an attachment it could not download. */
  extraNotes?: readonly string[];
  /** Adds 👍 / 👎 buttons to the last message. */
  feedback?: FeedbackRef;
  /** Adds "More detail", whose click posts the details: the key the answer is kept under (more-detail.ts). */
  more?: string;
}

/** Room for a bold title or a code fence around a chunk inside one section. */
const CHUNK = LIMITS.sectionText - 100;
const SEVERITY_EMOJI = { error: ':red_circle:', warning: ':warning:', info: ':information_source:' } as const;

/**
 * The first message of an answer: the verdict, at most three steps (never folded behind "see
 * more"), a short snippet, one link and the entry id, then "More detail" and 👍 / 👎. Everything
 * from the document is escaped; `privateNotes` lead it only when `audience` is `dm`.
 */
export function renderReply(doc: ReplyDocument, options: RenderOptions): SlackMessage[] {
  const r = replyPart(doc);
  const blocks: SlackBlock[] = [
    ...(options.audience === 'dm' && doc.privateNotes.length > 0 ? privateSections(doc.privateNotes) : []),
    ...[...(options.extraNotes ?? []), ...r.notes].flatMap((note) => sections(note)),
    header(plainText(`${SEVERITY_EMOJI[r.severity]} ${r.headline || 'Diagnosis'}`, LIMITS.headerText)),
    ...sections(r.verdict.join(' ')),
    ...sections(r.steps.map((step, i) => `${i + 1}. ${step}`).join('\n'), undefined, true),
    ...(r.question ? sections(r.question) : []),
    ...(r.also ? sections(`Your paste also shows: ${r.also.title}`) : []),
    ...(r.snippet ? codeSections(r.snippet.code, `*${escapeMrkdwn(r.snippet.label)}*`) : []),
    ...replyFooter(r.link, r.context),
  ];
  const fallback = escapedPrefix([r.headline, ...r.verdict].join(': '), LIMITS.fallbackText - 100);
  const more = options.more && hasDetails(detailsPart(doc)) ? options.more : undefined;
  const actions = options.feedback || more ? answerActions(options.feedback ?? null, more) : null;
  return pack(blocks, fallback, r.headline, actions);
}

/** The details behind "More detail", for the thread of the answer: cause, the other steps, snippet, support, references. */
export function renderDetails(doc: ReplyDocument): SlackMessage[] {
  const d = detailsPart(doc);
  const s = d.support;
  const support = [
    s.statusLine,
    s.retryable === true ? 'Retrying helps' : s.retryable === false ? 'Retrying will not help' : null,
    s.requestId ? `request id \`${s.requestId}\`` : null,
    s.model ? `model \`${s.model}\`` : null,
    s.client ? CLIENT_LABELS[s.client] : null,
  ].filter((p): p is string => p !== null);
  const blocks: SlackBlock[] = [
    ...sections(d.cause, '*Why*'),
    ...(d.facts.length > 0 ? sections(d.facts.map((f) => `• ${f}`).join('\n'), '*From your paste*') : []),
    ...(d.steps.items.length > 0
      ? sections(d.steps.items.map((step, i) => `${d.steps.start + i}. ${step}`).join('\n'), d.steps.start === 1 ? '*Fix*' : '*More steps*', true)
      : []),
    ...(d.snippet ? codeSections(d.snippet.code, `*${escapeMrkdwn(d.snippet.label)}*`) : []),
    ...alternativesContext(d.alternatives),
    ...(support.length > 0 ? [context([escapedPrefix(`For support: ${support.join(' · ')}`, 2_000)])] : []),
    ...(d.references.length > 0 ? [context([truncateLinks(d.references.map(link), 2_000)])] : []),
  ];
  if (blocks.length === 0) blocks.push(section('Nothing more to add to the answer above.'));
  return pack(blocks, escapedPrefix(`More detail: ${doc.headline}`, LIMITS.fallbackText - 100), `More detail: ${doc.headline}`, null);
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

function sections(raw: string, title?: string, expand = false): SlackBlock[] {
  if (raw.trim() === '') return [];
  return chunkEscaped(raw, CHUNK).map((chunk, i) => section(i === 0 && title ? `${title}\n${chunk}` : chunk, expand));
}

function codeSections(code: string, title: string): SlackBlock[] {
  return chunkEscaped(fenceSafe(code), CHUNK).map((chunk, i) =>
    section(`${i === 0 ? `${title}\n` : ''}\`\`\`\n${chunk}\n\`\`\``),
  );
}

function privateSections(notes: readonly string[]): SlackBlock[] {
  return sections(notes.map((n) => `• ${n}`).join('\n'), ':lock: *Only you can see this*');
}

function alternativesContext(alternatives: DetailsPart['alternatives']): SlackBlock[] {
  if (alternatives.length === 0) return [];
  const list = alternatives
    .slice(0, 5)
    .map((a) => a.title)
    .join(' · ');
  return [context([escapedPrefix(`Not it? Also possible: ${list}`, 2_000)])];
}

/** The first message's last line: its one link and, for feedback and bug reports, the entry that answered. */
function replyFooter(ref: Reference | null, provenance: string | null): SlackBlock[] {
  const elements = [ref ? link(ref) : null, provenance ? escapeMrkdwn(provenance) : null].filter((e): e is string => e !== null);
  return elements.length > 0 ? [context(elements)] : [];
}

const link = (r: Reference) => `<${escapeLinkPart(r.url)}|${escapeLinkPart(r.title)}>`;

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
