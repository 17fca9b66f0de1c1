import { PROVIDERS } from '../knowledge/providers';
import { ALWAYS, type MayMatch } from '../scan';

/**
 * The scope signals the catalogue's scope rules read (README "How rules decide": scope), decided in one
 * place: where the error text came from (`claudeSignal`), whether it shows an answer from the API
 * (`apiError`), and whether it shows any program's error at all (`showsError`).
 */
export interface ScopeSignals {
  claudeSignal: boolean;
  apiError: boolean;
  showsError: boolean;
}

/** What extraction already read that the scope signals depend on. */
export interface ScopeInputs {
  client: string | null;
  status: number | null;
  type: string | null;
  requestId: string | null;
  sdkException: string | null;
  foreignEnvelope: string | null;
}

export function decideScope(flat: string, x: ScopeInputs, may: MayMatch = ALWAYS): ScopeSignals {
  // A status, a type, a request id, or a client's "API Error:" line: the API answered with an error.
  const apiLine = x.status !== null || x.type !== null || x.requestId !== null || (may(PROVIDERS.apiErrorLine) && PROVIDERS.apiErrorLine.test(flat));
  return {
    claudeSignal: decideTextSource(flat, x.client, may).fromClaude,
    // A retold answer ("throwing 400 error") is an API error for "the app's own error", not an error's shape.
    apiError: apiLine || (may(PROVIDERS.apiAnswerRetold) && PROVIDERS.apiAnswerRetold.test(flat)),
    showsError: apiLine || x.sdkException !== null || x.foreignEnvelope !== null || (may(PROVIDERS.errorShape) && PROVIDERS.errorShape.test(flat)),
  };
}

/** Where the error text came from, and the evidence that decided it (one `--explain` line). */
export interface TextSource {
  /** The Claude API (or an Anthropic app printing its answer) wrote it: the paste's `claudeSignal`. */
  fromClaude: boolean;
  evidence: string;
}

const SHOWN = 60;

/**
 * Did the Claude API or one of Anthropic's apps write this error text? Only a mark they print counts
 * (catalog/providers.yaml `anthropic.apiEvidence`: a `req_` id, Claude's error body or types, its hosts
 * and headers, an official SDK's exception class) or an Anthropic app printed the paste (Claude Code,
 * the Agent SDK). Naming Claude, Anthropic or a Claude model in prose says only that the user uses
 * Claude somewhere — a Copilot, OpenRouter, relay or n8n error names it as often — so it decides nothing.
 */
export function decideTextSource(flat: string, client: string | null, may: MayMatch = ALWAYS): TextSource {
  const mark = may(PROVIDERS.apiEvidence) ? PROVIDERS.apiEvidence.exec(flat) : null;
  if (mark) return { fromClaude: true, evidence: `the Claude API's own mark \`${mark[0].slice(0, SHOWN)}\`` };
  if (client !== null && PROVIDERS.anthropicClients.has(client)) return { fromClaude: true, evidence: `printed by ${client}, an Anthropic app` };
  return { fromClaude: false, evidence: "no mark of the Claude API or an Anthropic app (a Claude or Anthropic name in prose, a model id or a setting only says Claude is used somewhere)" };
}

/** The `--explain` line: where the text came from, and what decided it (another server's body or a named provider too). */
export function explainTextSource(source: TextSource, signals: { foreignEnvelope: string | null; foreignProvider: string | null }): string {
  const other = signals.foreignEnvelope
    ? `; another server's error body: ${PROVIDERS.file.envelopes.find((e) => e.id === signals.foreignEnvelope)?.name ?? signals.foreignEnvelope}`
    : signals.foreignProvider
      ? `; another provider named: ${PROVIDERS.file.foreign.find((p) => p.id === signals.foreignProvider)?.name ?? signals.foreignProvider}`
      : '';
  return `${source.fromClaude ? 'from Claude' : 'not from Claude'}: ${source.evidence}${other}`;
}
