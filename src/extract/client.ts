import type { ClientId } from '../contracts';
import { CLIENTS } from '../knowledge/clients';
import { ALWAYS, type MayMatch } from '../scan';

/**
 * The tool a paste came from (catalog/clients.yaml): the first client whose frame (what it prints
 * around an error) matches, else the first whose cue matches — in file order, wrappers first.
 */
export function detectClient(flat: string, may: MayMatch = ALWAYS): ClientId | null {
  for (const tier of [CLIENTS.frames, CLIENTS.cues]) for (const { id, re } of tier) if (may(re) && re.test(flat)) return id;
  return null;
}

/** Every client frame and cue, for the prefilter. */
export const CLIENT_CUES: readonly RegExp[] = [...CLIENTS.frames, ...CLIENTS.cues].map((c) => c.re);
