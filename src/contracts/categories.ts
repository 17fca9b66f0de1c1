import { z } from 'zod';

/** The category taxonomy (README, "The diagnose CLI"). The catalogue may be finer; every entry names one of these. */
export const CategorySchema = z.enum([
  'auth.invalid_key',
  'auth.missing_key',
  'auth.oauth',
  'permission',
  'billing.credit',
  'billing.spend_limit',
  'model.not_found',
  'request.prompt_too_long',
  'request.max_tokens',
  'request.messages_format',
  'request.tool_pairing',
  'request.image',
  'request.thinking',
  'request.params',
  'request.other_400',
  'request.too_large',
  'rate_limit',
  'rate_limit.acceleration',
  'overloaded',
  'server.api_error',
  'network.timeout',
  'network.connection',
  'streaming.required',
  'streaming.interrupted',
  'sdk.usage',
  'cloud.bedrock',
  'cloud.vertex',
  'out_of_scope',
  'unknown',
]);
export type Category = z.infer<typeof CategorySchema>;

/** Categories whose cause is on Anthropic's side; the operations layer adds live status for these. */
export const SERVER_SIDE_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'overloaded',
  'server.api_error',
  'streaming.interrupted',
]);
