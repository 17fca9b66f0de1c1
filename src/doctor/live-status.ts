import type { Category } from '../contracts';
import { SERVER_SIDE_CATEGORIES } from '../contracts';
import type { Logger, StatusSource } from '../ports';

/** One line for the reply on a server-side error, or null when the status is unknown. */
export async function liveStatusLine(category: Category, source: StatusSource | undefined, logger: Logger): Promise<string | null> {
  if (!source || !SERVER_SIDE_CATEGORIES.has(category)) return null;
  const status = await source.current().catch((error: unknown) => {
    logger.debug({ err: (error as Error).message }, 'status page unavailable');
    return null;
  });
  if (!status) return null;
  const incident = status.incidents[0];
  if (incident) {
    const more = status.incidents.length > 1 ? ` (+${status.incidents.length - 1} more)` : '';
    return `**Claude status right now:** incident "${incident.name}" — ${incident.status}${more}. ${incident.url ?? status.pageUrl}`;
  }
  if (status.indicator === 'none') {
    return `**Claude status right now:** ${status.description}; no incident is posted, so this may be brief or specific to your model or region. ${status.pageUrl}`;
  }
  return `**Claude status right now:** ${status.description}. ${status.pageUrl}`;
}
