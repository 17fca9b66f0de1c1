import { createHash } from 'node:crypto';
import type { Category } from '../contracts';
import { SERVER_SIDE_CATEGORIES } from '../contracts';
import type { Logger, SharedStore } from '../ports';

/** Incident awareness: this many different people in one workspace ... */
export const INCIDENT_MIN_PEOPLE = 3;
/** ... pasting a server-side error within this window. */
export const INCIDENT_WINDOW_MS = 10 * 60_000;

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

/**
 * Counts who in this workspace hit a server-side error recently and, from the third person on,
 * says so: "3 people here hit this in the last 4 minutes". Only digests are stored (of the
 * workspace, and of workspace + user), so no name or paste crosses users or workspaces.
 */
export async function incidentLine(
  category: Category,
  where: { workspace?: string; user: string },
  store: SharedStore | undefined,
  now: number,
  logger: Logger,
): Promise<string | null> {
  if (!store || !where.workspace || !SERVER_SIDE_CATEGORIES.has(category)) return null;
  try {
    const { count, since } = await store.distinctRecent(`incident:${digest(where.workspace)}`, digest(`${where.workspace}\n${where.user}`), INCIDENT_WINDOW_MS);
    if (count < INCIDENT_MIN_PEOPLE) return null;
    const minutes = Math.max(1, Math.ceil((now - since) / 60_000));
    return `${count} people here hit this in the last ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  } catch (error) {
    logger.debug({ err: (error as Error).message }, 'incident counter unavailable');
    return null;
  }
}
