import { type Diagnosis, toDiagnosisJson } from '../contracts';
import { guardOutbound } from '../redact';
import { formatTrace } from './explain';

/**
 * What `diagnose` prints for one Diagnosis: the markdown reply (and, with --explain, the trace
 * below it), or the --json object; always through the outbound gate.
 */
export function formatDiagnosis(d: Diagnosis, mode: 'markdown' | 'json'): string {
  if (mode === 'json') return `${JSON.stringify(guardOutbound(toDiagnosisJson(d), 'cli'), null, 2)}\n`;
  const markdown = d.trace ? `${d.reply}\n\n${formatTrace(d.trace)}` : d.reply;
  return `${guardOutbound(markdown, 'cli')}\n`;
}
