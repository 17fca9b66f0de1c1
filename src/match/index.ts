export { type Candidate, CONFIDENT, rankCandidates } from './match';
export type { MatchInput } from './rule';
