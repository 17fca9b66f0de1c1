import type { Diagnosis } from '../contracts';

/**
 * Hooks for metrics and logs. All optional; the core calls them and never depends on what they do.
 * Arguments carry no raw paste.
 */
export interface DoctorObserver {
  diagnosed?(d: Diagnosis, elapsedMs: number): void;
  fallbackCalled?(outcome: string, elapsedMs: number): void;
  ocrRead?(elapsedMs: number, ok: boolean): void;
}

/** A pino-compatible subset, so the core does not import a logger. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
