import type { ClientId } from '../contracts';
import { CLIENTS } from '../knowledge/clients';
import { ALWAYS, type MayMatch } from '../scan';

/** The tool a paste came from (catalog/clients.yaml): the first client whose cue matches, wrappers first. */
export function detectClient(flat: string, may: MayMatch = ALWAYS): ClientId | null {
  for (const { id, re } of CLIENTS.cues) if (may(re) && re.test(flat)) return id;
  return null;
}

/** Every client cue, for the prefilter. */
export const CLIENT_CUES: readonly RegExp[] = CLIENTS.cues.map((c) => c.re);
