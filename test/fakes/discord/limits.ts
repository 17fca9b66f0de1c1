/**
 * Discord's documented message and embed limits (Message resource, "Embed Limits"). The fake
 * rejects a body that breaks one with 400 / 50035, as Discord does, so a test cannot pass with an
 * answer that production would refuse.
 */

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: Array<{ name?: string; value?: string }>;
  footer?: { text?: string };
  author?: { name?: string };
}

export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedsTotal: 6000,
} as const;

const len = (s: string | undefined) => (s ?? '').length;

/** Characters Discord counts toward the 6,000 total of one embed. */
export function embedSize(e: EmbedLike): number {
  return (
    len(e.title) +
    len(e.description) +
    len(e.footer?.text) +
    len(e.author?.name) +
    (e.fields ?? []).reduce((n, f) => n + len(f.name) + len(f.value), 0)
  );
}

/** Every limit the body breaks, as "path: problem" strings; empty when Discord would accept it. */
export function messageLimitProblems(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const b = body as { content?: string; embeds?: EmbedLike[]; components?: unknown[] };
  const problems: string[] = [];
  if (len(b.content) > LIMITS.content) problems.push(`content: ${len(b.content)} > ${LIMITS.content}`);
  const embeds = b.embeds ?? [];
  if (embeds.length > LIMITS.embeds) problems.push(`embeds: ${embeds.length} > ${LIMITS.embeds}`);
  let total = 0;
  embeds.forEach((e, i) => {
    const at = `embeds[${i}]`;
    if (len(e.title) > LIMITS.title) problems.push(`${at}.title: ${len(e.title)}`);
    if (len(e.description) > LIMITS.description) problems.push(`${at}.description: ${len(e.description)}`);
    if (len(e.footer?.text) > LIMITS.footer) problems.push(`${at}.footer.text: ${len(e.footer?.text)}`);
    if (len(e.author?.name) > LIMITS.author) problems.push(`${at}.author.name: ${len(e.author?.name)}`);
    const fields = e.fields ?? [];
    if (fields.length > LIMITS.fields) problems.push(`${at}.fields: ${fields.length}`);
    fields.forEach((f, j) => {
      if (len(f.name) === 0 || len(f.name) > LIMITS.fieldName) problems.push(`${at}.fields[${j}].name: ${len(f.name)}`);
      if (len(f.value) === 0 || len(f.value) > LIMITS.fieldValue) problems.push(`${at}.fields[${j}].value: ${len(f.value)}`);
    });
    total += embedSize(e);
  });
  if (total > LIMITS.embedsTotal) problems.push(`embeds total: ${total} > ${LIMITS.embedsTotal}`);
  const hasEmbedContent = embeds.some((e) => embedSize(e) > 0);
  if ('content' in b || 'embeds' in b) {
    if (len(b.content) === 0 && !hasEmbedContent && !(b.components ?? []).length) problems.push('message: empty');
  }
  return problems;
}
