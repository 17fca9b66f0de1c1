import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed, APIEmbedField } from 'discord.js';
import { CLIENT_LABELS, type ReplyDocument } from '../../src/contracts';
import { feedbackRow } from './feedback-ids';
import { DISCORD_LIMITS as L, embedSize } from './limits';
import { defuse, fenceSafe, splitMarkdown, truncate } from './markdown';

/** One Discord message: the body of a reply, edit, follow-up or channel message. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

export interface RenderOptions {
  /** `private`: only the asker sees the answer (ephemeral or DM), so private notes go inline. */
  audience: 'public' | 'private';
  /** Adds the 👍 / 👎 row to the last message. */
  feedback: boolean;
  /** The answer's review-queue reference, carried by the 👎 button. */
  reviewRef?: string;
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

/** ReplyDocument → Discord embeds, within every Discord limit, split over messages when needed. */
export function renderReply(doc: ReplyDocument, options: RenderOptions): Rendered {
  const colour = SEVERITY_COLOURS[doc.severity];
  const footer = { text: truncate(footerText(doc), L.footer) };
  const inlinePrivate = options.audience === 'private' && doc.privateNotes.length > 0;

  const embeds: APIEmbed[] = splitMarkdown(description(doc), L.description).map((chunk, i) => ({
    ...(i === 0 ? { title: truncate(defuse(doc.headline), L.title) } : {}),
    color: colour,
    description: chunk,
  }));
  if (embeds.length === 0) embeds.push({ title: truncate(defuse(doc.headline), L.title), color: colour });

  const budget = L.embedsTotal - footer.text.length;
  for (const field of fieldPieces(doc, inlinePrivate)) {
    const last = embeds[embeds.length - 1]!;
    const fits = (last.fields?.length ?? 0) < L.fields && embedSize(last) + field.name.length + field.value.length <= budget;
    if (fits) last.fields = [...(last.fields ?? []), field];
    else embeds.push({ color: colour, fields: [field] });
  }

  const messages = packMessages(embeds, budget);
  const max = Math.max(1, options.maxMessages ?? 4);
  if (messages.length > max) shorten(messages, max, colour, budget);
  const final = messages[messages.length - 1]!;
  final.embeds[final.embeds.length - 1]!.footer = footer;
  if (options.feedback) final.components = [feedbackRow(doc.provenance.entry, options.reviewRef)];

  const privateFollowUp =
    options.audience === 'public' && doc.privateNotes.length > 0
      ? { content: truncate(`🔒 **Only you can see this.**\n${doc.privateNotes.map(defuse).join('\n')}`, L.content), embeds: [] }
      : null;
  return { messages, privateFollowUp };
}

/** A message of plain text (usage hints, apologies), cut to Discord's content limit. */
export function textMessage(text: string): DiscordMessage {
  return { content: truncate(text, L.content), embeds: [] };
}

function description(doc: ReplyDocument): string {
  const parts: string[] = [];
  if (doc.statusLine) parts.push(`**${defuse(doc.statusLine)}**`);
  for (const note of doc.notes) parts.push(quote(defuse(note)));
  if (doc.cause) parts.push(defuse(doc.cause));
  if (doc.fix.length > 0) parts.push(`**How to fix it**\n${doc.fix.map((step, i) => `${i + 1}. ${defuse(step)}`).join('\n')}`);
  if (doc.snippet) {
    const { label, language, code } = doc.snippet;
    parts.push(`**${defuse(label)}**\n\`\`\`${language.replace(/[^\w+-]/g, '')}\n${fenceSafe(code)}\n\`\`\``);
  }
  return parts.join('\n\n');
}

const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

function fieldPieces(doc: ReplyDocument, inlinePrivate: boolean): APIEmbedField[] {
  const fields: Array<{ name: string; value: string; inline?: boolean }> = [];
  if (inlinePrivate) fields.push({ name: '🔒 Only you can see this', value: doc.privateNotes.map(defuse).join('\n') });
  if (doc.facts.length > 0) fields.push({ name: 'What the error says', value: doc.facts.map((f) => `• ${defuse(f)}`).join('\n') });
  if (doc.retryable !== null) {
    fields.push({
      name: 'Retry?',
      value: doc.retryable ? 'Yes: this is temporary. Retry with backoff.' : 'No: the same request will fail again until it is fixed.',
      inline: true,
    });
  }
  const support = supportLines(doc.support);
  if (support) fields.push({ name: 'For support', value: support, inline: true });
  if (doc.alternatives.length > 0) {
    fields.push({
      name: 'Also possible',
      value: doc.alternatives.map((a) => `• ${defuse(a.title)} (${Math.round(a.confidence * 100)}%)`).join('\n'),
    });
  }
  if (doc.references.length > 0) {
    fields.push({ name: 'References', value: doc.references.map((r) => `• [${r.title.replace(/[[\]]/g, '')}](${r.url})`).join('\n') });
  }
  return fields.flatMap((f) =>
    splitMarkdown(f.value, L.fieldValue).map((value, i) => ({
      name: truncate(i === 0 ? f.name : `${f.name} (continued)`, L.fieldName),
      value,
      ...(f.inline ? { inline: true } : {}),
    })),
  );
}

function supportLines(s: ReplyDocument['support']): string {
  const lines: string[] = [];
  if (s.requestId) lines.push(`Request ID: \`${s.requestId.replace(/`/g, '')}\``);
  if (s.model) lines.push(`Model: \`${s.model.replace(/`/g, '')}\``);
  if (s.client) lines.push(`Client: ${CLIENT_LABELS[s.client]}`);
  return lines.join('\n');
}

function footerText(doc: ReplyDocument): string {
  const p = doc.provenance;
  const confidence = `${Math.round(p.confidence * 100)}% confidence`;
  const how =
    p.source === 'rules'
      ? `Catalogue entry ${p.entry ?? 'unknown'} · ${confidence}`
      : p.source === 'model'
        ? `Explained by ${p.model ?? 'a Claude model'}${p.entry ? ` (entry ${p.entry})` : ''} · ${confidence}`
        : 'No catalogue entry matched';
  const hosts = [...new Set(doc.references.map((r) => new URL(r.url).hostname))];
  return hosts.length > 0 ? `${how} · Sources: ${hosts.join(', ')}` : how;
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
