import type { ReviewGroup } from './schema';

/** Lines of an example shown per group; the rest is cut with a count. */
const EXAMPLE_LINES = 12;
const EXAMPLE_LINE_CHARS = 160;

const counts = (c: Record<string, number>) =>
  Object.entries(c)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** One group as text: what, how often, why, from where, when, and one redacted example. */
function groupText(g: ReviewGroup, rank: number): string {
  const lines = g.example.split('\n');
  const shown = lines.slice(0, EXAMPLE_LINES).map((l) => `     | ${l.length > EXAMPLE_LINE_CHARS ? `${l.slice(0, EXAMPLE_LINE_CHARS - 1)}…` : l}`);
  if (lines.length > EXAMPLE_LINES) shown.push(`     | … ${lines.length - EXAMPLE_LINES} more lines`);
  return [
    `${rank}. ${g.id} · ${g.count} paste${g.count === 1 ? '' : 's'} · ${counts(g.reasons)}`,
    `   entries: ${counts(g.entries)} · clients: ${counts(g.clients)}`,
    `   first seen ${utc(g.firstSeen)} · last seen ${utc(g.lastSeen)}`,
    `   signature: ${g.signature}`,
    '   example:',
    ...shown,
  ].join('\n');
}

/** What `npm run review` prints: the largest groups first, each with one example. */
export function reviewReport(where: string, groups: ReviewGroup[], total: { groups: number; pastes: number }): string {
  if (total.groups === 0) return `Review queue (${where}) is empty.`;
  const head = `Review queue (${where}): ${total.groups} group${total.groups === 1 ? '' : 's'}, ${total.pastes} paste${total.pastes === 1 ? '' : 's'}; the largest ${groups.length}:`;
  return [head, '', ...groups.map((g, i) => groupText(g, i + 1)).join('\n\n').split('\n')].join('\n');
}
