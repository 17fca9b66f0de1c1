/**
 * How long the adapter's claims last in the shared store. Slack retries an event it thinks we
 * missed (and sends a mention twice, as `app_mention` and as `message`); a claim must outlive its
 * last retry, about 5 minutes after the first delivery.
 */
export const DEDUPE_TTL_MS = 15 * 60_000;
/** A vote counts once per user and answer; after a week a click counts again. */
export const VOTE_TTL_MS = 7 * 24 * 3_600_000;
