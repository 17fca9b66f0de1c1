import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/ports';

/**
 * Bolt, the Web API client and the Socket Mode client log through this. Their debug lines print
 * whole event payloads, that is pasted text that may hold secrets, so debug is never forwarded
 * and the level reported back to them is at least INFO (Socket Mode checks it before dumping acks).
 */
export function boltLogger(log: Logger): BoltLogger {
  let name = 'slack';
  const forward = (level: 'info' | 'warn' | 'error') => (...parts: unknown[]) => {
    const err = parts.find((p) => p instanceof Error);
    const text = parts
      .filter((p) => !(p instanceof Error))
      .map((p) => (typeof p === 'string' ? p : safeJson(p)))
      .join(' ');
    log[level]({ component: name, ...(err ? { err } : {}) }, text || (err instanceof Error ? err.message : ''));
  };
  return {
    debug: () => {},
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: (n: string) => {
      name = n;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch (error) {
    // Circular structures: the type name is enough for a log line.
    return error instanceof TypeError ? Object.prototype.toString.call(value) : String(value);
  }
}
