import type { CompiledEntry } from '../catalog';
import type { Signals, Warning } from '../contracts';
import { EXTRACTION_LITERALS, type Extraction, extractSignals } from '../extract';
import { type Candidate, Matcher, type Ranking } from '../match';
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

/**
 * A matcher whose needle index also holds extraction's literals: one scan of the paste then serves
 * extraction's prefilter and the rules (when extraction blanked nothing, nearly always), instead of two.
 */
export function analysisMatcher(catalog: readonly CompiledEntry[]): Matcher {
  return new Matcher(catalog, { alsoFind: EXTRACTION_LITERALS });
}

export function analyzeText(raw: string, matcher: Matcher, now: Date, preRedacted: RedactionFinding[] = []): Analysis {
  const capped = capRaw(raw);
  const redaction = redactSecrets(capped.text);
  const normalized = normalizeText(redaction.text);
  const shared = matcher.alsoFind === EXTRACTION_LITERALS && normalized.flat !== '' ? matcher.scan(normalized.lower) : undefined;
  const extraction = extractSignals(normalized.flat, now, normalized.lower, { textScan: shared?.also });
  const ranking: Ranking = normalized.flat
    ? matcher.match({ signals: extraction.signals, text: extraction.focus, lower: extraction.focusLower }, { scan: shared })
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
