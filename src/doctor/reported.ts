import type { CompiledEntry } from '../catalog';
import type { Signals } from '../contracts';
import { OFFICIAL_TYPES } from '../extract';

/**
 * The status and type a Diagnosis reports: what the paste shows, unless the entry knows better
 * (`none` for errors that never carry an HTTP status, such as the SDK's local "Streaming is
 * required" or an error event inside a 200 stream). Only official `error.type` values are reported.
 */
export function reportedStatusAndType(entry: CompiledEntry | null, s: Signals): { status: number | null; type: string | null } {
  const official = s.type !== null && OFFICIAL_TYPES.has(s.type) ? s.type : null;
  if (!entry) return { status: s.status, type: official };
  if (entry.category === 'out_of_scope') return { status: null, type: null };
  const status = entry.status === 'none' ? null : (s.status ?? (typeof entry.status === 'number' ? entry.status : null));
  const type = entry.type === 'none' ? null : (official ?? (typeof entry.type === 'string' ? entry.type : null));
  return { status, type };
}
