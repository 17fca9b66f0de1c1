export { BANNER, type ConsoleAdapter, type ConsoleAdapterOptions, type ConsoleFormat, createConsoleAdapter, type ReplyGate } from './console';
