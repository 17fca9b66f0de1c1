import { type Diagnosis, toDiagnosisJson } from '../contracts';
import { guardOutbound } from '../redact';

/** What `diagnose` prints for one Diagnosis: the markdown reply, or the --json object; through the outbound gate. */
export function formatDiagnosis(d: Diagnosis, mode: 'markdown' | 'json'): string {
  const text = mode === 'json' ? JSON.stringify(guardOutbound(toDiagnosisJson(d), 'cli'), null, 2) : guardOutbound(d.reply, 'cli');
  return `${text}\n`;
}
