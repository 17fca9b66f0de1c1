import pino from 'pino';
import type { LogLevel } from '../config';
import { guardOutbound } from '../redact';
import { scrub, scrubRecord, scrubString } from './scrub';

export type AppLogger = pino.Logger;

export interface LoggerOptions {
  level: LogLevel;
  /** Where JSON lines go. Default: stderr, because stdout belongs to the console adapter and the CLI. */
  destination?: pino.DestinationStream;
}

/**
 * Arguments of one log call with every secret masked. An Error as the first argument becomes
 * `{ err }`, so pino never copies its raw message into `msg`.
 */
function scrubArgs(args: unknown[]): unknown[] {
  return args.map((arg, i) => {
    if (i === 0 && arg instanceof Error) return { err: scrub(arg) };
    if (i === 0 && arg !== null && typeof arg === 'object') return scrubRecord(arg);
    return typeof arg === 'string' ? scrubString(arg) : scrub(arg);
  });
}

/**
 * The last net, over the finished JSON line: anything that reached the line without passing the
 * hooks above (a pino feature added later, a binding format) is masked here. A masked line that is
 * no longer valid JSON is withheld rather than written half-masked.
 */
function scrubLine(line: string): string {
  const masked = guardOutbound(line, 'log');
  if (masked === line) return line;
  try {
    JSON.parse(masked);
    return masked;
  } catch (error) {
    return `${JSON.stringify({ level: 50, time: new Date().toISOString(), msg: 'log line withheld: it held a secret that could not be masked in place', reason: (error as Error).name })}\n`;
  }
}

/**
 * The bot's logger: JSON lines (pino), level from LOG_LEVEL, secrets masked in every record.
 * It satisfies the core's `Logger` port. Masking runs in pino's own hooks — `logMethod` (message,
 * fields, errors), the bindings formatter (child loggers) and `streamWrite` (the final line) — so
 * no call path can skip it.
 */
export function createLogger(options: LoggerOptions): AppLogger {
  return pino(
    {
      name: 'claude-error-doctor',
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors were already turned into masked plain objects by `logMethod`; pino's default `err`
      // serializer would rename their `type` to "Object".
      serializers: { err: (value: unknown) => value },
      formatters: {
        bindings: (bindings) => scrubRecord(bindings),
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, scrubArgs(args) as Parameters<pino.LogFn>);
        },
        streamWrite: scrubLine,
      },
    },
    // Synchronous, so the last lines before an exit are not lost.
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}
