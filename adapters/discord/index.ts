export { createDiscordAdapter } from './adapter';
export { buildCommands, COMMAND_NAME, inviteUrl } from './commands';
export { DiscordSetupError } from './errors';
export type {
  Clock,
  DiscordAdapter,
  DiscordAdapterDeps,
  DiscordMetrics,
  DiscordState,
  DiscordTiming,
  EventKind,
  ReplyKind,
  Vote,
} from './types';
