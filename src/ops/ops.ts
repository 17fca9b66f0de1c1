import { type LogLevel, logLevel, type OpsEnv } from '../config';
import type { StatusSource } from '../ports';
import { InFlight } from './in-flight';
import { type AppLogger, createLogger } from './logger';
import { type AppMetrics, createMetrics } from './metrics';
import { createStatusSource } from './status-page';

/** The operations layer the composition root hands to the core and the adapters. */
export interface Ops {
  logger: AppLogger;
  metrics: AppMetrics;
  /** Undefined when STATUS_URL=off. */
  statusSource: StatusSource | undefined;
  inFlight: InFlight;
}

export interface OpsOverrides {
  /** A level chosen by the composition root; default: LOG_LEVEL, else `info`. */
  level?: LogLevel;
}

export function createOps(config: OpsEnv, overrides: OpsOverrides = {}): Ops {
  const logger = createLogger({ level: overrides.level ?? logLevel(config, 'chat') });
  return { logger, metrics: createMetrics(), statusSource: createStatusSource(config, logger), inFlight: new InFlight() };
}

