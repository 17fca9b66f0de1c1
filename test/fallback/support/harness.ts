import { FallbackEnvSchema } from '../../../src/config/sections';
import { createModelFallback, type FallbackMetricOutcome, type ModelFallbackDeps } from '../../../src/fallback';
import type { Logger } from '../../../src/ports';
import { type FakeAnthropic, fakeAnthropicEnv } from '../../fakes/anthropic';
import { INDEX } from './fixtures';

export const TEST_KEY = 'sk-ant-test-fallback-key-0001';

/** Collects log lines so tests can check what was (and was not) logged. */
export function recordingLogger() {
  const lines: Array<{ level: string; obj: object; msg?: string }> = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj, msg });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines, text: () => JSON.stringify(lines) };
}

/** Collects metrics hook calls. */
export function recordingMetrics() {
  const calls: Array<{ outcome: FallbackMetricOutcome; latencyMs: number; attempts: number }> = [];
  return { calls, metrics: { call: (outcome: FallbackMetricOutcome, latencyMs: number, attempts: number) => void calls.push({ outcome, latencyMs, attempts }) } };
}

/** A fallback built from env-shaped settings (through the real config schema), pointed at the fake. */
export function fallbackFor(fake: FakeAnthropic | null, env: Record<string, string> = {}, deps: Partial<ModelFallbackDeps> = {}) {
  const config = FallbackEnvSchema.parse({ ...(fake ? fakeAnthropicEnv(fake, TEST_KEY) : {}), ...env });
  return createModelFallback(config, { catalogIndex: INDEX, ...deps });
}
