import type { RedactionFinding } from '../../redact';
import type { Analysis } from '../analyze';

/** One paste to analyse, main thread → worker. */
export interface AnalyzeRequest {
  id: number;
  text: string;
  /** `now` as epoch ms (a Date does not survive the thread boundary as the same class). */
  now: number;
  findings: RedactionFinding[];
}

/** An Analysis as it crosses the thread boundary: candidates name their entry by id. */
export type WireAnalysis = Omit<Analysis, 'candidates'> & { candidates: Array<{ entry: string; confidence: number; rule: number }> };

/** Worker → main thread: the analysis, or why there is none. */
export type AnalyzeResponse = { id: number; analysis: WireAnalysis } | { id: number; error: string };
