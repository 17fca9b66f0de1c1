import type { FallbackOutcome, FallbackUnavailableReason } from '../ports';
import type { StopInfo } from './retry-policy';

type Unavailable = Extract<FallbackOutcome, { kind: 'unavailable' }>;

/** "in about 45 s (at 14:02:10 UTC)" — both, because chat users sit in every time zone. */
export function retryHint(waitMs: number, nowMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const at = new Date(nowMs + seconds * 1000).toISOString().slice(11, 19);
  const span =
    seconds < 90 ? `${seconds} s` : seconds < 90 * 60 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`;
  return `in about ${span} (at ${at} UTC)`;
}

const httpLabel = (stop: StopInfo) =>
  stop.status === null ? '' : ` (HTTP ${stop.status}${stop.errorType ? ` ${stop.errorType}` : ''})`;

/** The outcome for a call that ended without an answer, with its one line for the user. */
export function unavailableFromStop(stop: StopInfo, ctx: { nowMs: number; deadlineMs: number }): Unavailable {
  const when = stop.retryAfterMs !== null ? `; try again ${retryHint(stop.retryAfterMs, ctx.nowMs)}` : '';
  const retryAfterSeconds = stop.retryAfterMs !== null ? Math.ceil(stop.retryAfterMs / 1000) : null;
  const line: Record<StopInfo['reason'], string> = {
    overloaded: `The model was overloaded${httpLabel(stop)}${when || '; try again in a minute or two'}.`,
    rate_limited: `The model was rate limited${httpLabel(stop)}${when || '; try again later'}.`,
    spend_limit: `The model could not be asked: this bot's Anthropic account reached its spend limit${httpLabel(stop)}. The operator has been told.`,
    auth: `The model could not be asked: this bot's own API key was refused${httpLabel(stop)}. The operator needs to fix ANTHROPIC_API_KEY.`,
    rejected: `The model call was rejected${httpLabel(stop)}; the operator should check the fallback settings (ANTHROPIC_MODEL).`,
    timeout: `The model did not answer in time (the bot waits at most ${Math.round(ctx.deadlineMs / 1000)} s).`,
    error:
      stop.status === null
        ? 'The model could not be reached, or its reply could not be read.'
        : `The model API failed${httpLabel(stop)}${when || '; try again in a minute or two'}.`,
  };
  return { kind: 'unavailable', reason: stop.reason, message: line[stop.reason], retryAfterSeconds };
}

/** Outcomes decided before (or after) any HTTP status: no key, quota, queue, unsafe text, bad answer. */
export function unavailable(
  reason: Exclude<FallbackUnavailableReason, StopInfo['reason']>,
  ctx: { nowMs: number; retryInMs?: number },
): Unavailable {
  const retryAfterSeconds = ctx.retryInMs !== undefined ? Math.ceil(ctx.retryInMs / 1000) : null;
  const line: Record<typeof reason, string> = {
    disabled: 'No model is configured for this bot (ANTHROPIC_API_KEY is not set), so only the rules answered.',
    quota: `You have reached the limit of model answers per minute; the model can be asked again ${retryHint(ctx.retryInMs ?? 60_000, ctx.nowMs)}.`,
    busy: 'The model is busy answering other questions; try again in a moment.',
    unsafe_input: 'The paste still looked like it held a secret, so it was not sent to the model.',
    invalid_answer: "The model's answer was not in the expected form, so it was set aside.",
    refused: 'The model declined to diagnose this paste.',
  };
  return { kind: 'unavailable', reason, message: line[reason], retryAfterSeconds };
}
