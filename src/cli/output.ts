import { type Diagnosis, toDiagnosisJson } from '../contracts';
import { guardOutbound } from '../redact';
import { renderFullMarkdown } from '../render';
import { formatTrace } from './explain';

/**
 * What `diagnose` prints for one Diagnosis: the markdown answer — `reply`, then `details` below a
 * rule, or `reply` alone with `brief` — (and, with --explain, the trace below it), or the --json
 * object; always through the outbound gate.
 */
export function formatDiagnosis(d: Diagnosis, mode: 'markdown' | 'json', options: { brief?: boolean } = {}): string {
  if (mode === 'json') return `${JSON.stringify(guardOutbound(toDiagnosisJson(d), 'cli'), null, 2)}\n`;
  const answer = options.brief ? d.reply : renderFullMarkdown(d.reply, d.details);
  const markdown = d.trace ? `${answer}\n\n${formatTrace(d.trace)}` : answer;
  return `${guardOutbound(markdown, 'cli')}\n`;
}
