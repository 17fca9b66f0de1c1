import type { Trace } from '../contracts';
import { explainRanking, type Matcher } from '../match';
import type { Analysis } from './analyze';

/** Why the rules answered a paste as they did: the matcher's decisions and the text they read. */
export function traceOf(a: Analysis, matcher: Matcher): Trace {
  return {
    text: a.normalized.flat,
    blanked: a.extraction.blanked.map(({ start, end, rule }) => ({ start, end, rule })),
    ...explainRanking(a.ranking, matcher.entries, matcher.precedence),
  };
}
