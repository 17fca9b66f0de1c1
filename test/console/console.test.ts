import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../adapters/console';
import { createDoctor } from '../../src/doctor';
import { run } from '../support/spawn';

const OVERLOADED = `anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}`;
const doctor = createDoctor();

function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (d: Buffer) => (written += d.toString()));
  return { input, output, written: () => written };
}

describe('console adapter', () => {
  it('in a terminal, sends a multi-line paste on a blank line and keeps going', async () => {
    const t = terminal();
    const adapter = createConsoleAdapter(doctor, { input: t.input, output: t.output, interactive: true });
    await adapter.start();
    t.input.write('Traceback (most recent call last):\n');
    t.input.write(`${OVERLOADED}\n\n`);
    t.input.write('API Error: Repeated 529 Overloaded errors.\n');
    t.input.end(); // Ctrl-D sends what is left
    await adapter.finished;
    const out = t.written();
    expect(out).toMatch(/paste a Claude API error/i);
    expect(out.match(/## Anthropic's API is overloaded/g)).toHaveLength(2);
    expect(out).toContain('```python');
    expect(out).toContain('**Claude Code:**');
  });

  it('with piped input, answers the whole input once', async () => {
    const t = terminal();
    const adapter = createConsoleAdapter(doctor, { input: t.input, output: t.output, interactive: false });
    await adapter.start();
    t.input.end(`line one\n\n${OVERLOADED}\n`);
    await adapter.finished;
    expect(t.written().match(/## /g)).toHaveLength(1);
    expect(t.written()).toMatch(/overloaded/i);
  });

  it('stop() ends an interactive session', async () => {
    const t = terminal();
    const adapter = createConsoleAdapter(doctor, { input: t.input, output: t.output, interactive: true });
    await adapter.start();
    await adapter.stop();
    await expect(adapter.finished).resolves.toBeUndefined();
  });
});

describe('npm start with no chat settings', () => {
  it('serves the console: piped stdin is diagnosed once and the process exits 0', async () => {
    const r = await run('npm', ['start', '-s'], { stdin: OVERLOADED });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/## Anthropic's API is overloaded/);
  });

  it('--help says how adapters are chosen', async () => {
    const r = await run('npm', ['start', '-s', '--', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('SLACK_BOT_TOKEN');
  });
});
