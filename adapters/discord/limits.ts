import type { APIEmbed } from 'discord.js';

/** Discord's message and embed limits (API reference, Message resource, "Embed Limits"). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** All embeds of one message together. */
  embedsTotal: 6000,
} as const;

/** Characters Discord counts toward the 6,000 of a message's embeds. */
export function embedSize(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}
