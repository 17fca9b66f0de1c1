import type { Signals } from '../contracts';

/**
 * The first message's budget (issue 11; measured by `npm run bench`, never asserted by a timer):
 * median ≤ 700 characters and ≤ 12 lines, p90 ≤ 1,100. It holds a verdict, at most three steps,
 * a snippet of at most three lines and one link; everything else waits behind "More detail".
 */
export const REPLY_STEPS_MAX = 3;
/** What the headline, verdict and steps aim at together (the footer line and markdown add about 100); the steps get what the rest leaves. */
export const REPLY_CHARS = 600;
/** Steps after the first are added while all the steps shown stay within this many characters. */
export const REPLY_STEP_CHARS = 520;

/** The characters left for steps once the rest of the first message is written. */
export function stepRoom(...rest: ReadonlyArray<string | null | undefined>): number {
  const used = rest.reduce((n, s) => n + (s ? s.length + 1 : 0), 0);
  return Math.min(REPLY_STEP_CHARS, REPLY_CHARS - used);
}

/** How many of the client's steps lead the first message: the first always, then as many as fit `room`. */
export function replyStepCount(steps: readonly string[], room = REPLY_STEP_CHARS): number {
  let count = 0;
  let chars = 0;
  for (const step of steps.slice(0, REPLY_STEPS_MAX)) {
    if (count > 0 && chars + step.length > room) break;
    count += 1;
    chars += step.length;
  }
  return count;
}

const CLOUD_WORDS: Readonly<Record<NonNullable<Signals['cloud']>, RegExp>> = { bedrock: /\bBedrock\b/, vertex: /\bVertex\b/ };
const ANCHOR = /`([^`\n]{5,60})`/g;
/** An identifier rather than a word: `apiKeyHelper`, `ANTHROPIC_BASE_URL`, `max_tokens`, `/etc/resolv.conf` — not `claude`. */
const IDENTIFIER = /[_./:=-]|[a-z][A-Z]/;

/** What tells a step that speaks to this paste: what the paste shows, and the steps meant for its client (alone, or as one of a group). */
export interface PasteCues {
  lower: string;
  cloud: Signals['cloud'];
  own?: ReadonlySet<string>;
  group?: ReadonlySet<string>;
}

/** A step for this client alone, or one naming what the paste shows: it may take even the lead step's place. */
const SPEAKS_TO_CLIENT = 1;

/** Steps are the catalogue's (a few hundred): each one's identifiers are read once, not once per paste. */
const stepIdentifiers = new Map<string, readonly string[]>();

/** The identifiers a step names in backticks, lower-cased, in order. */
function identifiersOf(step: string): readonly string[] {
  let identifiers = stepIdentifiers.get(step);
  if (identifiers === undefined) {
    identifiers = [...step.matchAll(ANCHOR)].flatMap((m) => (IDENTIFIER.test(m[1]!) ? [m[1]!.toLowerCase()] : []));
    if (stepIdentifiers.size < 2000) stepIdentifiers.set(step, identifiers);
  }
  return identifiers;
}

/**
 * How much a step speaks to this paste: 2 when it names something the paste shows (an identifier
 * of the paste, or its cloud), 1 when it is meant for the paste's client, 0.5 when it is for a
 * whole group the client is in (`code`, `apps`), else 0. Naming what the paste shows wins: the step
 * about the `apiKeyHelper` in a paste beats a generic Claude Code step.
 */
function relevance(step: string, paste: PasteCues): number {
  const { lower: pasteLower, cloud } = paste;
  if (cloud && CLOUD_WORDS[cloud].test(step)) return 2;
  for (const identifier of identifiersOf(step)) if (pasteLower.includes(identifier)) return 2;
  if (paste.own?.has(step)) return SPEAKS_TO_CLIENT;
  return paste.group?.has(step) ? 0.5 : 0;
}

/**
 * The client's steps with the first message's share first: the catalogue's first steps, except that a
 * step meant for the paste's client, or naming what this paste shows (its cloud, an identifier it
 * contains such as `apiKeyHelper`), takes the place of a less relevant one. A step for a whole group
 * (`code`: "use the Batches API") may take a later universal step's place, never the author's lead
 * (the retry step of a 529): that is for a step written for this client or this paste. Both shares
 * keep the catalogue's order.
 */
export function orderForReply(
  steps: readonly string[],
  paste: PasteCues | null,
  room = REPLY_STEP_CHARS,
): { steps: string[]; replySteps: number } {
  const count = replyStepCount(steps, room);
  // Nearly always no later step speaks to the paste: the catalogue's order stands.
  if (!paste || !steps.some((s, i) => i >= count && relevance(s, paste) > 0)) return { steps: [...steps], replySteps: count };
  const chosen = new Set(steps.slice(0, count).map((_, i) => i));
  const score = steps.map((s) => relevance(s, paste));
  // The most relevant first; among equals, the catalogue's order.
  const relevant = steps
    .map((_, i) => i)
    .filter((i) => i >= count && score[i]! > 0)
    .sort((a, b) => score[b]! - score[a]! || a - b);
  for (const i of relevant) {
    if (chosen.size < REPLY_STEPS_MAX && [...chosen].reduce((n, j) => n + steps[j]!.length, 0) + steps[i]!.length <= room) {
      chosen.add(i);
      continue;
    }
    // Give up the least relevant step shown (the latest among equals), if it is less relevant than this one.
    const yields = [...chosen].filter((j) => j !== 0 || score[i]! >= SPEAKS_TO_CLIENT);
    const weakest = yields.sort((a, b) => score[a]! - score[b]! || b - a)[0];
    if (weakest === undefined || score[weakest]! >= score[i]!) continue;
    chosen.delete(weakest);
    chosen.add(i);
  }
  const first = [...chosen].sort((a, b) => a - b);
  return { steps: [...first.map((i) => steps[i]!), ...steps.filter((_, i) => !chosen.has(i))], replySteps: first.length };
}
