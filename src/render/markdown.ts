import type { ReplyDocument } from '../contracts';
import { CLIENT_LABELS } from '../contracts';
import { detailsPart, hasDetails, replyPart } from './parts';

/** Snippets come from the catalogue, so their fenced forms are few and worth keeping. */
const fenced = new Map<string, string>();

/** Fences a snippet so that backticks inside it cannot close the block. */
export function fence(code: string, language: string): string {
  const key = `${language}\u0000${code}`;
  let out = fenced.get(key);
  if (out === undefined) {
    const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
    const ticks = '`'.repeat(longest + 1);
    out = `${ticks}${language}\n${code}\n${ticks}`;
    if (fenced.size < 2000) fenced.set(key, out);
  }
  return out;
}

/**
 * The first message as markdown: the `reply` field, what `--brief` prints. A pasted secret's
 * warning leads it when only the user reads it (the CLI, --json, a DM); in a channel adapters send
 * it privately instead.
 */
export function renderReplyMarkdown(doc: ReplyDocument, options: { includePrivate: boolean } = { includePrivate: true }): string {
  const r = replyPart(doc);
  const out: string[] = [];
  if (options.includePrivate) for (const n of doc.privateNotes) out.push(`> ⚠️ ${n}`, '');
  for (const n of r.notes) out.push(n, '');
  out.push(`## ${r.headline}`);
  if (r.verdict.length) out.push(r.verdict.join(' '));
  if (r.steps.length) out.push('', ...r.steps.map((s, i) => `${i + 1}. ${s}`));
  if (r.question) out.push('', r.question);
  if (r.also) out.push('', `Your paste also shows: ${r.also.title} (\`${r.also.entry}\`).`);
  if (r.snippet) out.push('', `**${r.snippet.label}:**`, fence(r.snippet.code, r.snippet.language));
  const footer = [r.link ? `[${r.link.title}](${r.link.url})` : null, r.context].filter(Boolean);
  if (footer.length) out.push('', `_${footer.join(' · ')}_`);
  return out.join('\n');
}

/**
 * A paragraph of `out`, a blank line before it. A function of the module, not a closure made per
 * reply: under tsx (esbuild keepNames) a named closure also gets its name defined on every call.
 */
function paragraph(out: string[], ...lines: string[]): void {
  if (out.length) out.push('');
  out.push(...lines);
}

/** The rest, as markdown: the `details` field ("" when there is nothing more to say). */
export function renderDetailsMarkdown(doc: ReplyDocument): string {
  const d = detailsPart(doc);
  if (!hasDetails(d)) return '';
  const out: string[] = [];
  if (d.cause) paragraph(out, `**Why:** ${d.cause}`);
  if (d.facts.length) paragraph(out, '**From your paste:**', ...d.facts.map((f) => `- ${f}`));
  if (d.steps.items.length) paragraph(out, d.steps.start === 1 ? '**Fix:**' : '**More steps:**', ...d.steps.items.map((s, i) => `${d.steps.start + i}. ${s}`));
  if (d.snippet) paragraph(out, `**${d.snippet.label}:**`, fence(d.snippet.code, d.snippet.language));
  if (d.alternatives.length) paragraph(out, `**Also possible:** ${d.alternatives.map((a) => `${a.title} (\`${a.entry}\`)`).join('; ')}`);
  const s = d.support;
  const support = [
    s.statusLine ? `\`${s.statusLine}\`` : null,
    s.retryable === null ? null : s.retryable ? 'retrying helps' : 'retrying will not help',
    s.requestId ? `request id \`${s.requestId}\`` : null,
    s.model ? `model \`${s.model}\`` : null,
    s.client ? `client ${CLIENT_LABELS[s.client]}` : null,
  ].filter(Boolean);
  if (support.length) paragraph(out, `**For support:** ${support.join(' · ')}`);
  if (d.references.length) paragraph(out, `**References:** ${d.references.map((r) => `[${r.title}](${r.url})`).join(' · ')}`);
  return out.join('\n');
}

/** Both parts for a reader who gets everything at once (the CLI, the console): `reply`, a rule, `details`. */
export function renderFullMarkdown(reply: string, details: string): string {
  return details ? `${reply}\n\n---\n\n${details}` : reply;
}
