import type { Signals, Warning } from '../contracts';
import { type Extraction, extractSignals } from '../extract';
import type { Candidate, Matcher, Ranking } from '../match';
import { type NormalizedText, normalizeText } from '../normalize';
import { type RedactionFinding, redactSecrets } from '../redact';
import { capRaw } from './input';

/** The rules path for one text: redact → normalize → extract → rank. Synchronous and pure. */
export interface Analysis {
  normalized: NormalizedText;
  extraction: Extraction;
  signals: Signals;
  candidates: Candidate[];
  /** The candidates and the vetoes that shaped them, for the trace. */
  ranking: Ranking;
  findings: RedactionFinding[];
  warnings: Warning[];
}

export function analyzeText(raw: string, matcher: Matcher, now: Date, preRedacted: RedactionFinding[] = []): Analysis {
  const capped = capRaw(raw);
  const redaction = redactSecrets(capped.text);
  const normalized = normalizeText(redaction.text);
  const extraction = extractSignals(normalized.flat, now, normalized.lower);
  const ranking: Ranking = normalized.flat
    ? matcher.match({ signals: extraction.signals, text: extraction.focus, lower: extraction.focusLower })
    : { candidates: [], vetoed: [] };
  const candidates = ranking.candidates;
  const warnings: Warning[] = [];
  const findings = [...preRedacted, ...redaction.findings];
  if (findings.some((f) => f.strict)) warnings.push('secret-detected');
  if (capped.cut || normalized.truncated) warnings.push('input-truncated');
  if (normalized.binary) warnings.push('binary-input');
  if (!normalized.binary && normalized.flat === '') warnings.push('empty-input');
  if (extraction.signals.errorCount > 1) warnings.push('multiple-errors');
  return { normalized, extraction, signals: extraction.signals, candidates, ranking, findings, warnings };
}
