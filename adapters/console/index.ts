export { type ConsoleAdapter, type ConsoleAdapterOptions, createConsoleAdapter, type ReplyGate } from './console';
