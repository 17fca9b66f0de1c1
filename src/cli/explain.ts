import type { SecondOpinionTrace, Trace, TraceCandidate } from '../contracts';

/** How much of the text the rules read `--explain` prints (the JSON trace holds all of it). */
const SHOWN_TEXT = 2_000;

function place(c: TraceCandidate): string {
  const d = c.decision;
  switch (d.kind) {
    case 'winner':
      return 'wins';
    case 'weaker-evidence':
      return `loses to ${d.against}: weaker evidence`;
    case 'scope':
      return `loses to ${d.against}: the scope decision (a scope floor stands below every other rule of its tier; when another service's envelope is recognised, every in-scope entry of its tier goes below the out-of-scope ones)`;
    case 'backstop':
      return `loses to ${d.against}: a backstop (generic answer) yields to a specific rule of its tier`;
    case 'outranked':
      return `loses to ${d.against}: outranked (${d.path!.join(' → ')})`;
    case 'tie':
      return d.against === undefined || d.against === c.entry
        ? 'wins a tie by entry id: no outranks path either way (add one)'
        : `ties with ${d.against}; entry id order put it below: no outranks path either way (add one)`;
  }
}

/** The text the rules read, each blanked span shown as ⟦rule: its start…⟧, cut to SHOWN_TEXT characters. */
function readText(trace: Trace): string {
  let out = '';
  let at = 0;
  for (const span of trace.blanked) {
    const excerpt = trace.text.slice(span.start, span.end).trim();
    out += `${trace.text.slice(at, span.start)}⟦blanked, ${span.rule}: ${excerpt.slice(0, 60)}${excerpt.length > 60 ? '…' : ''}⟧`;
    at = span.end;
  }
  out += trace.text.slice(at);
  return out.length > SHOWN_TEXT ? `${out.slice(0, SHOWN_TEXT)}… (${out.length - SHOWN_TEXT} more characters; --json has them all)` : out;
}

const ROLE: Record<SecondOpinionTrace['role'], string> = {
  silent: 'silent: the nearest paste is not strong (or has no answer), so the rules decide alone',
  agrees: 'agrees with the rules',
  fills: "fills in: the rules had no confident answer, so the nearest paste's entry answers, hedged",
  hedges: "hedges: a strong neighbour says another category, so the rules' answer stays but is hedged",
};

/** The second opinion's lines: what it did, and the nearest labelled pastes with their similarity and set. */
function secondOpinionLines(o: SecondOpinionTrace): string[] {
  return [
    '',
    `Second opinion (nearest labelled pastes; strong from similarity ${o.strong.toFixed(2)}): ${ROLE[o.role]}`,
    ...o.neighbours.map((n, i) => `  ${i + 1}. ${n.id} (${n.set}) ${n.category}${n.entry ? ` · entry ${n.entry}` : ''} · similarity ${n.similarity.toFixed(2)} · ${n.source}`),
  ];
}

/** The trace as `diagnose --explain` prints it under the reply. */
export function formatTrace(trace: Trace): string {
  const lines = ['---', 'Why this answer (diagnose --explain)', ''];
  if (trace.source) lines.push(`Where the error text came from: ${trace.source}`, '');
  if (trace.candidates.length === 0) lines.push('No rule fired.');
  trace.candidates.forEach((c, i) => {
    lines.push(`${i === 0 ? 'Answer' : `Runner-up ${i}`}: ${c.entry} (${c.category}) · ${c.evidence} ${c.confidence.toFixed(2)} · rule ${c.rule} · ${place(c)}`);
    lines.push(`  why:  ${c.why}`);
    lines.push(`  when: ${c.conditions}`);
  });
  if (trace.vetoed.length > 0) {
    lines.push('', 'Vetoed (the rule held, its `unless` matched):');
    for (const v of trace.vetoed) lines.push(`  ${v.entry} rule ${v.rule} (${v.evidence}): unless /${v.unless}/ — ${v.why}`);
  }
  if (trace.secondOpinion) lines.push(...secondOpinionLines(trace.secondOpinion));
  lines.push('', `The text the rules read${trace.blanked.length ? ` (${trace.blanked.length} span${trace.blanked.length > 1 ? 's' : ''} blanked by extraction)` : ''}:`, readText(trace));
  return lines.join('\n');
}
