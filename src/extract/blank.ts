/** A stretch of the flat text: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The text with each span (an older error body, a stale retry line) replaced by as many spaces, in
 * one pass, so positions stay valid. Spans overlapping an earlier one are skipped.
 */
export function blankSpans(flat: string, spans: readonly Span[]): string {
  if (spans.length === 0) return flat;
  const parts: string[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    parts.push(flat.slice(at, s.start), ' '.repeat(s.end - s.start));
    at = s.end;
  }
  parts.push(flat.slice(at));
  return parts.join('');
}

/** Longest run of spaces the rules read; far more than any gap a rule looks across. */
const MAX_SPACE_RUN = 200;
const LONG_SPACE_RUN = new RegExp(` {${MAX_SPACE_RUN + 1},}`, 'g');
const TOO_MANY_SPACES = ' '.repeat(MAX_SPACE_RUN + 1);
const CAPPED_RUN = ' '.repeat(MAX_SPACE_RUN);

/**
 * Shortens the long runs of spaces that blanking leaves (thousands of blanked retry lines make one
 * 60,000-space run) to 200, and moves the given spans (sorted by start) so they still point at the
 * same text. A catalogue rule such as `reached\s*·?\s*\/compact` backtracks over such a run in
 * quadratic time; over at most 200 spaces it cannot take long.
 */
export function capSpaceRuns<S extends Span>(text: string, spans: readonly S[] = []): { text: string; spans: S[] } {
  if (!text.includes(TOO_MANY_SPACES)) return { text, spans: [...spans] };
  // Each cut keeps a run's first MAX_SPACE_RUN spaces and removes the rest: [at, at + length).
  const cuts: { at: number; length: number }[] = [];
  for (const run of text.matchAll(LONG_SPACE_RUN)) cuts.push({ at: run.index + MAX_SPACE_RUN, length: run[0].length - MAX_SPACE_RUN });
  const moved = (position: number): number => {
    let shift = 0;
    for (const cut of cuts) {
      if (cut.at >= position) break;
      shift += Math.min(cut.length, position - cut.at);
    }
    return position - shift;
  };
  const out = spans.map((span) => ({ ...span, start: moved(span.start), end: moved(span.end) })).filter((span) => span.end > span.start);
  return { text: text.replace(LONG_SPACE_RUN, CAPPED_RUN), spans: out };
}
