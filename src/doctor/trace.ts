import type { Trace } from '../contracts';
import { explainRanking, type Matcher } from '../match';
import { decideTextSource, explainTextSource } from '../extract';
import type { Opinion } from '../neighbours';
import type { Analysis } from './analyze';

/** Why the rules answered a paste as they did: the matcher's decisions and the text they read; and the second opinion, when on. */
export function traceOf(a: Analysis, matcher: Matcher, opinion: Opinion | null = null): Trace {
  return {
    text: a.normalized.flat,
    blanked: a.extraction.blanked.map(({ start, end, rule }) => ({ start, end, rule })),
    ...explainRanking(a.ranking, matcher.entries, matcher.precedence),
    ...(opinion
      ? {
          secondOpinion: {
            role: opinion.role,
            strong: opinion.strong,
            neighbours: opinion.neighbours.map(({ row, similarity }) => ({ id: row.id, set: row.set, source: row.source, category: row.category, entry: row.entry, similarity })),
          },
        }
      : {}),
    source: explainTextSource(decideTextSource(a.normalized.flat, a.signals.client), a.signals),
  };
}
