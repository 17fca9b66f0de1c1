/** What the public status page says right now (Statuspage `summary.json`, condensed). */
export interface LiveStatus {
  /** Statuspage's overall indicator. */
  indicator: 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
  /** e.g. "All Systems Operational", "Partial System Outage". */
  description: string;
  /** Unresolved incidents, newest first. */
  incidents: ReadonlyArray<{ name: string; status: string; url: string | null }>;
  pageUrl: string;
}

/**
 * The live status of the Claude API, for server-side errors. Implementations cache and time out
 * on their own; `null` means unknown (unreachable, disabled) and the reply then says nothing.
 */
export interface StatusSource {
  current(): Promise<LiveStatus | null>;
}
