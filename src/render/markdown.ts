import type { ReplyDocument } from '../contracts';
import { CLIENT_LABELS } from '../contracts';

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

function provenance(doc: ReplyDocument): string {
  const p = doc.provenance;
  if (p.source === 'model') return `_Answered by ${p.model ?? 'a Claude model'} (model fallback)${p.entry ? ` · catalogue entry \`${p.entry}\`` : ''}._`;
  if (p.source === 'rules') return `_Answered by the rules catalogue · entry \`${p.entry}\` · confidence ${p.confidence.toFixed(2)}._`;
  return '_No catalogue entry matched._';
}

/** The reply as markdown: what the CLI prints and the `reply` field carries. */
export function renderMarkdown(doc: ReplyDocument, options: { includePrivate: boolean } = { includePrivate: true }): string {
  const out: string[] = [];
  if (options.includePrivate) for (const n of doc.privateNotes) out.push(`> ⚠️ ${n}`, '');
  out.push(`## ${doc.headline}`);
  const meta = [doc.statusLine ? `\`${doc.statusLine}\`` : null, doc.retryable === null ? null : doc.retryable ? 'retryable' : 'not retryable — retrying will not help'].filter(Boolean);
  if (meta.length) out.push(meta.join(' · '));
  for (const n of doc.notes) out.push('', n);
  out.push('', `**Why:** ${doc.cause}`);
  if (doc.facts.length) out.push('', '**From your paste:**', ...doc.facts.map((f) => `- ${f}`));
  out.push('', '**Fix:**', ...doc.fix.map((f, i) => `${i + 1}. ${f}`));
  if (doc.snippet) out.push('', `**${doc.snippet.label}:**`, fence(doc.snippet.code, doc.snippet.language));
  if (doc.alternatives.length) {
    out.push('', `**Also possible:** ${doc.alternatives.map((a) => `${a.title} (\`${a.entry}\`)`).join('; ')}`);
  }
  const s = doc.support;
  const support = [
    s.requestId ? `request id \`${s.requestId}\`` : null,
    s.model ? `model \`${s.model}\`` : null,
    s.client ? `client ${CLIENT_LABELS[s.client]}` : null,
  ].filter(Boolean);
  if (support.length) out.push('', `**For support:** ${support.join(' · ')}`);
  if (doc.references.length) out.push('', `**References:** ${doc.references.map((r) => `[${r.title}](${r.url})`).join(' · ')}`);
  out.push('', provenance(doc));
  return out.join('\n');
}
