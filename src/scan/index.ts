/**
 * Text search shared by extraction and matching: one-pass multi-string search (Aho–Corasick) and the
 * literals a regex needs, so a regex runs only on pastes that can match it. Depends on nothing else in src/.
 */
export { ALWAYS, CueGate, cueLiterals, type MayMatch } from './cue-gate';
export { requiredLiterals, splitTopLevel } from './literals';
export { NeedleIndex } from './needles';
