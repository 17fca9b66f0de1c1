import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/ops/logger';
import type { Logger } from '../../src/ports';
import { fakeSecrets } from '../support/secrets';

const secrets = fakeSecrets(11);
const everySecret = Object.values(secrets);
/** Each secret the way people paste it; a bare AWS secret or bearer value is only a secret in context. */
const pastes = Object.entries(secrets).map(([kind, secret]) =>
  kind === 'awsSecret' ? `aws_secret_access_key = ${secret}` : kind === 'bearer' ? `-H "Authorization: Bearer ${secret}"` : secret,
);

function capture(level: Parameters<typeof createLogger>[0]['level'] = 'trace') {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (s: string) => void lines.push(s) } });
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, records };
}

/** The parts of a secret a leak would show: the whole of it, or its body without the prefix. */
function expectNoSecret(text: string): void {
  for (const secret of everySecret) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(-20));
  }
}

describe('structured logger', () => {
  it('writes one JSON object per line with level, time, name and message', () => {
    const { logger, lines, records } = capture();
    logger.info({ adapter: 'slack' }, 'adapter up');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(records()[0]).toMatchObject({ level: 30, name: 'claude-error-doctor', adapter: 'slack', msg: 'adapter up' });
    expect(typeof records()[0]!.time).toBe('string');
  });

  it('honours LOG_LEVEL', () => {
    const { logger, records } = capture('warn');
    logger.debug({}, 'debug');
    logger.info({}, 'info');
    logger.warn({}, 'warn');
    expect(records().map((r) => r.msg)).toEqual(['warn']);
  });

  it('masks pasted keys in messages, interpolated values and nested fields', () => {
    const { logger, lines } = capture();
    for (const paste of pastes) {
      logger.info(`user pasted ${paste} into the channel`);
      logger.info('interpolated %s here', paste);
      logger.warn({ paste: { lines: ['first line', { deeper: `curl ... ${paste}` }] }, copy: paste }, 'nested');
    }
    expect(lines).toHaveLength(pastes.length * 3);
    expectNoSecret(lines.join(''));
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.join('')).toContain('sk-ant-api03-[REDACTED]');
  });

  it('masks keys in an Error: message, stack and cause, however the error is passed', () => {
    const { logger, lines, records } = capture();
    const cause = new Error(`upstream said invalid x-api-key: ${secrets.anthropicApi}`);
    const error = new Error(`request failed for ${secrets.anthropicApi}`, { cause });
    Object.assign(error, { status: 401, headers: { authorization: `Bearer ${secrets.bearer}` } });
    logger.error(error);
    logger.error({ err: error }, 'model call failed');
    logger.error({ err: error });
    expectNoSecret(lines.join(''));
    const [first, second, third] = records();
    expect(first).toMatchObject({ msg: 'request failed for sk-ant-api03-[REDACTED]', err: { type: 'Error', status: 401 } });
    expect(String((first!.err as { stack: string }).stack)).toContain('sk-ant-api03-[REDACTED]');
    expect((second!.err as { cause: { message: string } }).cause.message).toContain('[REDACTED]');
    expect(third!.msg).toBe('request failed for sk-ant-api03-[REDACTED]');
  });

  it('masks keys in child logger bindings', () => {
    const { logger, lines } = capture();
    logger.child({ channel: 'C1', note: `bot token ${secrets.slackBot}` }).info({}, 'from a child');
    expectNoSecret(lines.join(''));
    expect(lines[0]).toContain('[REDACTED:slack-token]');
  });

  it('masks keys that reach the line by other pino paths (a child message prefix)', () => {
    const { logger, lines } = capture();
    logger.child({}, { msgPrefix: `[${secrets.anthropicAdmin}] ` }).info('hello');
    logger.info({ pem: secrets.pem }, 'pem pasted');
    expectNoSecret(lines.join(''));
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('never writes pasted bytes, and survives cycles', () => {
    const { logger, records } = capture();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    logger.info({ image: Buffer.from('PNG....'), loop }, 'odd record');
    expect(records()[0]).toMatchObject({ image: '[7 bytes]', loop: { name: 'loop', self: '[circular]' } });
  });

  it('satisfies the core Logger port', () => {
    const { logger } = capture();
    const port: Logger = logger;
    expect(typeof port.debug).toBe('function');
  });
});
