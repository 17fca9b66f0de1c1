export { type Candidate, CONFIDENT, Matcher } from './match';
export { NeedleIndex } from './needles';
export type { MatchInput } from './rule';
