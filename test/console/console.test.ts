import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BANNER, createConsoleAdapter } from '../../adapters/console';
import { KeyReader } from '../../adapters/console/keys';
import { renderForTerminal, wrap } from '../../adapters/console/terminal-text';
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

  /** A terminal in raw mode: what a user's keys and pastes send, byte for byte. */
  function rawTerminal() {
    const t = terminal();
    const modes: boolean[] = [];
    const input = Object.assign(t.input, { isTTY: true, setRawMode: (on: boolean) => modes.push(on) });
    return { ...t, input, modes };
  }
  const answers = (out: string) => out.match(/^## .*$/gm) ?? [];
  const CHAINED = [
    'Traceback (most recent call last):',
    '  File "app.py", line 3, in <module>',
    'httpx.ConnectError: [Errno 111] Connection refused',
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "app.py", line 9, in <module>',
    OVERLOADED,
  ].join('\r');

  it('keeps a bracketed paste whole, blank lines included, and sends it on Enter', async () => {
    const t = rawTerminal();
    const adapter = createConsoleAdapter(doctor, { input: t.input, output: t.output, interactive: true });
    await adapter.start();
    expect(t.modes).toEqual([true]);
    expect(t.written()).toContain('\u001b[?2004h'); // bracketed paste on
    // The paste arrives in pieces, a marker split between two of them.
    t.input.write(`\u001b[200~${CHAINED.slice(0, 100)}`);
    t.input.write(`${CHAINED.slice(100)}\u001b[20`);
    t.input.write('1~');
    await new Promise((r) => setTimeout(r, 20));
    expect(answers(t.written())).toHaveLength(0);
    t.input.write('\r');
    t.input.write('\u0003'); // Ctrl-C
    await adapter.finished;
    expect(answers(t.written())).toHaveLength(1);
    expect(answers(t.written())[0]).toMatch(/overloaded/i);
    expect(t.modes).toEqual([true, false]);
    expect(t.written()).toContain('\u001b[?2004l');
  });

  it('keeps arrow keys, Ctrl-L, function keys and Alt combinations out of the text; Backspace edits', async () => {
    const t = rawTerminal();
    const seen: string[] = [];
    const spy = { ...doctor, diagnose: (i: Parameters<typeof doctor.diagnose>[0]) => (seen.push(i.text), doctor.diagnose(i)) };
    const adapter = createConsoleAdapter(spy, { input: t.input, output: t.output, interactive: true });
    await adapter.start();
    t.input.write('Error code: 5\u001b[A\u001b[D\u001b[1;5C\u000c\u001bOP\u001bx2x\u007f9 overloaded_error\r\r');
    t.input.write('\u0003');
    await adapter.finished;
    expect(seen).toEqual(['Error code: 529 overloaded_error']);
  });

  it('sends on Ctrl-D without quitting, and says so when there is nothing to send', async () => {
    const t = rawTerminal();
    const adapter = createConsoleAdapter(doctor, { input: t.input, output: t.output, interactive: true });
    await adapter.start();
    t.input.write('\u0004');
    t.input.write(`${OVERLOADED}\u0004`);
    await new Promise((r) => setTimeout(r, 50));
    t.input.write(`${OVERLOADED}\u0004`);
    await new Promise((r) => setTimeout(r, 50));
    t.input.write('\u0003');
    await adapter.finished;
    expect(t.written()).toMatch(/nothing to send/);
    expect(answers(t.written())).toHaveLength(2);
  });

  it('says in its banner exactly the keys it handles', () => {
    expect(BANNER).toMatch(/a paste is kept whole/);
    expect(BANNER).toMatch(/Enter after a paste sends it/);
    expect(BANNER).toMatch(/Enter on an empty line sends/);
    expect(BANNER).toMatch(/Ctrl-D sends too \(it does not quit\)\. Ctrl-C quits/);
    for (const line of BANNER.split('\n')) expect(line.length).toBeLessThan(80);
  });

  it('renders replies for a terminal when asked: wrapped, no markdown marks, colour only on request', async () => {
    const t = terminal();
    const adapter = createConsoleAdapter(doctor, { input: t.input, output: t.output, interactive: false, format: { kind: 'terminal', color: false, columns: 60 } });
    await adapter.start();
    t.input.end(OVERLOADED);
    await adapter.finished;
    const out = t.written();
    expect(out).not.toMatch(/^#|\*\*|```/m);
    expect(out).toMatch(/^Anthropic's API is overloaded/m);
    expect(out).not.toContain('\u001b[');
    for (const line of out.split('\n').filter((l) => !l.startsWith('    ') && !/https?:\/\//.test(l))) expect(line.length).toBeLessThanOrEqual(59);
  });

  it('stop() ends an interactive session', async () => {
    const t = terminal();
    const adapter = createConsoleAdapter(doctor, { input: t.input, output: t.output, interactive: true });
    await adapter.start();
    await adapter.stop();
    await expect(adapter.finished).resolves.toBeUndefined();
  });
});

describe('terminal text', () => {
  it('turns headings bold, links into text and URL, code blocks into indented lines', () => {
    const md = "## Title\n**Why:** see [Rate limits](https://platform.claude.com/docs/en/api/rate-limits) and `retry-after`.\n```python\nx = 1\n```\n- a fact";
    expect(renderForTerminal(md, { columns: 120, color: false })).toBe(
      'Title\nWhy: see Rate limits (https://platform.claude.com/docs/en/api/rate-limits) and `retry-after`.\n    x = 1\n  • a fact',
    );
    const coloured = renderForTerminal(md, { columns: 80, color: true });
    expect(coloured).toContain('\u001b[1mTitle\u001b[22m');
    expect(coloured).toContain('\u001b[36mretry-after\u001b[39m');
  });

  it('wraps at the width with a hanging indent, and never breaks a long URL', () => {
    expect(wrap('one two three four', 9, 2)).toEqual(['one two', '  three', '  four']);
    expect(wrap(`see https://example.com/${'x'.repeat(40)} now`, 20)).toEqual(['see', `https://example.com/${'x'.repeat(40)}`, 'now']);
  });
});

describe('key reader', () => {
  it('holds an escape sequence split between chunks, and drops it whole', () => {
    const keys = new KeyReader();
    expect(keys.feed('ab\u001b[')).toEqual([{ kind: 'text', text: 'ab' }]);
    expect(keys.feed('1;5Dc')).toEqual([{ kind: 'text', text: 'c' }]);
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
