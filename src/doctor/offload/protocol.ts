import type { Candidate, Veto } from '../../match';
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

/** A candidate or veto as it crosses the thread boundary: its entry named by id (entries hold RegExps and stay on each side). */
export type WireCandidate = Omit<Candidate, 'entry'> & { entry: string };
export type WireVeto = Omit<Veto, 'entry'> & { entry: string };

/** An Analysis as it crosses the thread boundary. */
export type WireAnalysis = Omit<Analysis, 'candidates' | 'ranking'> & { candidates: WireCandidate[]; vetoed: WireVeto[] };

/** The Analysis without catalogue objects, for postMessage. */
export function toWire(a: Analysis): WireAnalysis {
  const { ranking, candidates, ...rest } = a;
  return { ...rest, candidates: candidates.map((c) => ({ ...c, entry: c.entry.id })), vetoed: ranking.vetoed.map((v) => ({ ...v, entry: v.entry.id })) };
}

/** Worker → main thread: the analysis, or why there is none. */
export type AnalyzeResponse = { id: number; analysis: WireAnalysis } | { id: number; error: string };
