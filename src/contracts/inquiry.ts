import { z } from 'zod';
import { ClientIdSchema } from './clients';

/** One image handed to the core: bytes as received, never a URL (adapters download). */
export const ImageInputSchema = z.object({
  data: z.instanceof(Uint8Array),
  mimeType: z.string().optional(),
  name: z.string().optional(),
});
export type ImageInput = z.infer<typeof ImageInputSchema>;

/** What an adapter hands the core: one question, platform-free. */
export const InquirySchema = z.object({
  platform: z.enum(['cli', 'console', 'slack', 'discord', 'test']),
  text: z.string(),
  images: z.array(ImageInputSchema).default([]),
  /** Stable per-user id, for quotas. */
  user: z.string().default('local'),
  channel: z.string().optional(),
  /**
   * The Slack workspace or Discord server the question was asked in ("slack:T123",
   * "discord:456"), for counts that stay inside it (incident awareness). Absent in DMs on Discord,
   * the CLI and the console.
   */
  workspace: z.string().max(200).optional(),
  thread: z.string().optional(),
  isDM: z.boolean().default(false),
  /** The adapter read only part of the input (a file or stream over its read cap): warn `input-truncated`. */
  truncated: z.boolean().default(false),
  /** Forces the snippet's client (a follow-up such as "I'm on Node"). */
  client: ClientIdSchema.optional(),
  /** Adds a `trace` to the Diagnosis: why the rules answered as they did (`diagnose --explain`). */
  explain: z.boolean().optional(),
});
export type Inquiry = z.input<typeof InquirySchema>;
export type ParsedInquiry = z.output<typeof InquirySchema>;
