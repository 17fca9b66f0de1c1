export { loadNeighbourRows, NEIGHBOURS_FILE, type NeighbourRow, NeighbourRowSchema } from './data';
export { type IndexedPaste, type Neighbour, NeighbourIndex } from './neighbour-index';
export { foldFocus, prepareText } from './prepare';
export { HEDGED_CONFIDENCE, NEIGHBOURS_CONSULTED, type Opinion, type OpinionRole, SecondOpinion, type SecondOpinionSettings, STRONG_SIMILARITY } from './second-opinion';
export { shippedNeighbourIndex, shippedSecondOpinion } from './shipped';
