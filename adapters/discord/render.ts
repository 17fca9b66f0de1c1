import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed, APIEmbedField } from 'discord.js';
import { CLIENT_LABELS, type ReplyDocument } from '../../src/contracts';
import { type DetailsPart, detailsPart, hasDetails, replyPart } from '../../src/render';
import { answerRow } from './feedback-ids';
import { DISCORD_LIMITS as L, embedSize } from './limits';
import { defuse, fenceSafe, splitMarkdown, truncate } from './markdown';

/** One Discord message: the body of a reply, edit, follow-up or channel message. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

export interface RenderOptions {
  /** `private`: only the asker sees the answer (ephemeral or DM), so private notes lead it. */
  audience: 'public' | 'private';
  /** Adds the 👍 / 👎 buttons to the last message. */
  feedback: boolean;
  /** The answer's review-queue reference, carried by the 👎 button. */
  reviewRef?: string;
  /** Adds "More detail", whose click answers with the details: the key the answer is kept under (more-detail.ts). */
  more?: { key: string; ephemeral: boolean };
  /** At most this many messages; the rest is cut with a note (user-installed apps get 5 follow-ups). */
  maxMessages?: number;
}

export interface Rendered {
  /** At least one message; send the first as the answer and the rest as follow-ups. */
  messages: DiscordMessage[];
  /** Private notes for the asker alone (send ephemerally); null when none or already inline. */
  privateFollowUp: DiscordMessage | null;
}

export const SEVERITY_COLOURS: Record<ReplyDocument['severity'], number> = {
  error: 0xed4245,
  warning: 0xfee75c,
  info: 0x5865f2,
};

const SHORTENED = '… The full answer is longer than Discord allows; the rest was left out.';

/**
 * The first message of an answer as one embed: the verdict, at most three steps, a short snippet and
 * one link; the entry id in the footer; "More detail" and 👍 / 👎 under it. A private answer leads
 * with the private notes; a public one leaves them to an ephemeral follow-up.
 */
export function renderReply(doc: ReplyDocument, options: RenderOptions): Rendered {
  const r = replyPart(doc);
  const colour = SEVERITY_COLOURS[r.severity];
  const parts: string[] = [];
  if (options.audience === 'private' && doc.privateNotes.length > 0) parts.push(`🔒 **Only you can see this.** ${doc.privateNotes.map(defuse).join(' ')}`);
  for (const note of r.notes) parts.push(quote(defuse(note)));
  if (r.verdict.length > 0) parts.push(defuse(r.verdict.join(' ')));
  if (r.steps.length > 0) parts.push(r.steps.map((step, i) => `${i + 1}. ${defuse(step)}`).join('\n'));
  if (r.question) parts.push(defuse(r.question));
  if (r.also) parts.push(`Your paste also shows: ${defuse(r.also.title)}`);
  if (r.snippet) parts.push(codeBlock(r.snippet));
  if (r.link) parts.push(`[${r.link.title.replace(/[[\]]/g, '')}](${r.link.url})`);
  const footer = r.context ? { text: truncate(r.context.replace(/`/g, ''), L.footer) } : undefined;
  const embeds = packedEmbeds(parts.join('\n\n'), [], { title: r.headline, colour, footer });
  const messages = limited(embeds, options.maxMessages, colour);
  const more = options.more && hasDetails(detailsPart(doc)) ? options.more : undefined;
  if (options.feedback || more) {
    messages[messages.length - 1]!.components = [answerRow({ feedback: options.feedback ? { entry: doc.provenance.entry, ref: options.reviewRef } : null, more })];
  }
  return { messages, privateFollowUp: privateFollowUp(doc, options.audience) };
}

/** The details behind "More detail": cause, the other steps, snippet, what the error says, support, references. */
export function renderDetails(doc: ReplyDocument, options: { maxMessages?: number } = {}): DiscordMessage[] {
  const d = detailsPart(doc);
  const colour = SEVERITY_COLOURS[doc.severity];
  const parts: string[] = [];
  if (d.cause) parts.push(defuse(d.cause));
  if (d.steps.items.length > 0) {
    const title = d.steps.start === 1 ? '**How to fix it**' : '**More steps**';
    parts.push(`${title}\n${d.steps.items.map((step, i) => `${d.steps.start + i}. ${defuse(step)}`).join('\n')}`);
  }
  if (d.snippet) parts.push(codeBlock(d.snippet));
  const hosts = [...new Set(doc.references.map((r) => new URL(r.url).hostname))];
  const footer = { text: truncate(`More detail: ${doc.headline}${hosts.length ? ` · Sources: ${hosts.join(', ')}` : ''}`, L.footer) };
  const embeds = packedEmbeds(parts.join('\n\n') || 'Nothing more to add to the answer above.', detailFields(d), { title: null, colour, footer });
  return limited(embeds, options.maxMessages, colour);
}

function codeBlock(snippet: NonNullable<ReplyDocument['snippet']>): string {
  return `**${defuse(snippet.label)}**\n\`\`\`${snippet.language.replace(/[^\w+-]/g, '')}\n${fenceSafe(snippet.code)}\n\`\`\``;
}

function privateFollowUp(doc: ReplyDocument, audience: RenderOptions['audience']): DiscordMessage | null {
  return audience === 'public' && doc.privateNotes.length > 0
    ? { content: truncate(`🔒 **Only you can see this.**\n${doc.privateNotes.map(defuse).join('\n')}`, L.content), embeds: [] }
    : null;
}

/** A description cut into embeds, then fields added; the footer on the last embed. Within every Discord limit. */
function packedEmbeds(description: string, fields: APIEmbedField[], o: { title: string | null; colour: number; footer: { text: string } | undefined }): APIEmbed[] {
  const title = o.title === null ? {} : { title: truncate(defuse(o.title), L.title) };
  const embeds: APIEmbed[] = splitMarkdown(description, L.description).map((chunk, i) => ({ ...(i === 0 ? title : {}), color: o.colour, description: chunk }));
  if (embeds.length === 0) embeds.push({ ...title, color: o.colour });
  const budget = L.embedsTotal - (o.footer?.text.length ?? 0);
  for (const field of fields) {
    const last = embeds[embeds.length - 1]!;
    const fits = (last.fields?.length ?? 0) < L.fields && embedSize(last) + field.name.length + field.value.length <= budget;
    if (fits) last.fields = [...(last.fields ?? []), field];
    else embeds.push({ color: o.colour, fields: [field] });
  }
  if (o.footer) embeds[embeds.length - 1]!.footer = o.footer;
  return embeds;
}

/** Embeds packed into messages, at most `max` of them (the last cut short with a note). */
function limited(embeds: APIEmbed[], maxMessages: number | undefined, colour: number): DiscordMessage[] {
  const footer = embeds[embeds.length - 1]!.footer;
  const budget = L.embedsTotal - (footer?.text.length ?? 0);
  const messages = packMessages(embeds, budget);
  const max = Math.max(1, maxMessages ?? 4);
  if (messages.length > max) {
    shorten(messages, max, colour, budget);
    const last = messages[max - 1]!;
    if (footer) last.embeds[last.embeds.length - 1]!.footer = footer;
  }
  return messages;
}

/** A message of plain text (usage hints, apologies), cut to Discord's content limit. */
export function textMessage(text: string): DiscordMessage {
  return { content: truncate(text, L.content), embeds: [] };
}

const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

function detailFields(d: DetailsPart): APIEmbedField[] {
  const fields: Array<{ name: string; value: string; inline?: boolean }> = [];
  if (d.facts.length > 0) fields.push({ name: 'What the error says', value: d.facts.map((f) => `• ${defuse(f)}`).join('\n') });
  if (d.support.retryable !== null) {
    fields.push({
      name: 'Retry?',
      value: d.support.retryable ? 'Yes: this is temporary. Wait a moment, then retry.' : 'No: the same request will fail again until it is fixed.',
      inline: true,
    });
  }
  const support = supportLines(d.support);
  if (support) fields.push({ name: 'For support', value: support, inline: true });
  if (d.alternatives.length > 0) fields.push({ name: 'Also possible', value: d.alternatives.map((a) => `• ${defuse(a.title)}`).join('\n') });
  if (d.references.length > 0) {
    fields.push({ name: 'References', value: d.references.map((r) => `• [${r.title.replace(/[[\]]/g, '')}](${r.url})`).join('\n') });
  }
  return fields.flatMap((f) =>
    splitMarkdown(f.value, L.fieldValue).map((value, i) => ({
      name: truncate(i === 0 ? f.name : `${f.name} (continued)`, L.fieldName),
      value,
      ...(f.inline ? { inline: true } : {}),
    })),
  );
}

function supportLines(s: DetailsPart['support']): string {
  const lines: string[] = [];
  if (s.statusLine) lines.push(`Status: ${defuse(s.statusLine)}`);
  if (s.requestId) lines.push(`Request ID: \`${s.requestId.replace(/`/g, '')}\``);
  if (s.model) lines.push(`Model: \`${s.model.replace(/`/g, '')}\``);
  if (s.client) lines.push(`Client: ${CLIENT_LABELS[s.client]}`);
  return lines.join('\n');
}

/** Greedy packing: each message ≤ 10 embeds and ≤ `budget` characters of embeds. */
function packMessages(embeds: APIEmbed[], budget: number): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const s = embedSize(embed);
    if (current.length > 0 && (current.length >= L.embedsPerMessage || size + s > budget)) {
      messages.push({ embeds: current });
      current = [];
      size = 0;
    }
    current.push(embed);
    size += s;
  }
  messages.push({ embeds: current });
  return messages;
}

/** Keeps the first `max` messages and ends the last one with a note that the answer was cut. */
function shorten(messages: DiscordMessage[], max: number, colour: number, budget: number): void {
  messages.length = max;
  const last = messages[max - 1]!;
  const notice: APIEmbed = { color: colour, description: SHORTENED };
  const total = () => last.embeds.reduce((n, e) => n + embedSize(e), 0);
  while (last.embeds.length > 1 && (last.embeds.length >= L.embedsPerMessage || total() + SHORTENED.length > budget)) last.embeds.pop();
  if (last.embeds.length < L.embedsPerMessage && total() + SHORTENED.length <= budget) last.embeds.push(notice);
  else last.embeds[last.embeds.length - 1] = notice;
}
