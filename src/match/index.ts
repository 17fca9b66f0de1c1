export { CONFIDENT, Matcher, type Ranking, type RuleOutcome, type Veto } from './match';
export { type Candidate, type Firing, rankFirings } from './rank';
export type { MatchInput } from './rule';
export { describeRule, explainRanking } from './explain';
