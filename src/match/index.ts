export { type Candidate, CONFIDENT, Matcher } from './match';
export type { MatchInput } from './rule';
