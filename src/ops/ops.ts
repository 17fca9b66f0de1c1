import type { OpsEnv } from '../config';
import type { StatusSource } from '../ports';
import { InFlight } from './in-flight';
import { type AppLogger, createLogger } from './logger';
import { type AppMetrics, createMetrics } from './metrics';
import { createStatusPageSource } from './status-page';

/** The operations layer the composition root hands to the core and the adapters. */
export interface Ops {
  logger: AppLogger;
  metrics: AppMetrics;
  /** Undefined when STATUS_URL=off. */
  statusSource: StatusSource | undefined;
  inFlight: InFlight;
}

export interface OpsOverrides {
  /** A level chosen by the composition root (the console keeps the terminal quiet). */
  level?: OpsEnv['LOG_LEVEL'];
}

export function createOps(config: OpsEnv, overrides: OpsOverrides = {}): Ops {
  const logger = createLogger({ level: overrides.level ?? config.LOG_LEVEL });
  const statusSource = config.STATUS_URL === 'off' ? undefined : createStatusPageSource({ url: config.STATUS_URL, logger });
  return { logger, metrics: createMetrics(), statusSource, inFlight: new InFlight() };
}
