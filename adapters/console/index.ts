export { type ConsoleAdapter, type ConsoleAdapterOptions, createConsoleAdapter } from './console';
