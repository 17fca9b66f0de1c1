import { z } from 'zod';
import { CLIENTS } from '../knowledge/clients';

/**
 * The tools people paste errors from (catalog/clients.yaml, in its order). Detection picks one; the
 * reply's snippet follows it. `bedrock` / `vertex` name a cloud surface used through its own SDK
 * (boto3, the AWS CLI, Google clients).
 */
export const ClientIdSchema = z.enum(CLIENTS.ids);
export type ClientId = z.infer<typeof ClientIdSchema>;

/** Keys a catalogue entry may use for its per-client snippets; `gui` is settings steps for desktop apps. */
export const SnippetKeySchema = z.enum(CLIENTS.snippetKeys);
export type SnippetKey = z.infer<typeof SnippetKeySchema>;

/** Human names, for headlines and the support summary. */
export const CLIENT_LABELS: Readonly<Record<ClientId, string>> = Object.fromEntries(CLIENTS.ids.map((id) => [id, CLIENTS.byId.get(id)!.label]));

/**
 * Which snippet to show for a client, most specific first. GUI clients fall back to `gui`
 * (settings steps) rather than code the user cannot run; unknown clients get curl, which shows
 * the raw HTTP that every SDK sends.
 */
export const SNIPPET_FALLBACKS: Readonly<Record<ClientId | 'unknown', readonly SnippetKey[]>> = CLIENTS.snippetChains;
