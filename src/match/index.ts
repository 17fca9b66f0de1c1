export { type Candidate, CONFIDENT, Matcher, rankCandidates } from './match';
export { NeedleIndex } from './needles';
export type { MatchInput } from './rule';
