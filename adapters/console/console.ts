import type { Doctor } from '../../src/ports';
import { readTextStream } from '../../src/input';
import type { Adapter } from '../port';
import { type KeyEvent, KeyReader } from './keys';
import { renderForTerminal } from './terminal-text';

/** How replies are written: the markdown as is (a pipe, a file), or rendered for a terminal. */
export type ConsoleFormat = { kind: 'markdown' } | { kind: 'terminal'; color: boolean; columns?: number };

/** A terminal input stream, as far as the console uses it (process.stdin when it is a TTY). */
interface TerminalInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface ConsoleAdapterOptions {
  input: TerminalInput;
  output: NodeJS.WritableStream & { columns?: number };
  /** A person at a keyboard: prompt, edit, send on request. Otherwise read everything and answer once. */
  interactive: boolean;
  /** Replies as markdown (default) or rendered for a terminal. */
  format?: ConsoleFormat;
  /** Counts replies in flight; once it stops accepting (shutdown), no new paste is answered. */
  replies?: ReplyGate;
}

/** The operations layer's in-flight tracker, as far as an adapter needs it. */
export interface ReplyGate {
  readonly accepting: boolean;
  track<T>(work: () => Promise<T>): Promise<T>;
}

export interface ConsoleAdapter extends Adapter {
  /** Resolves when the input has ended (or Ctrl-C was pressed) and every answer was written. */
  readonly finished: Promise<void>;
}

/** Kept true to the key handling below (test/console/console.test.ts checks each promise it makes). */
export const BANNER = `claude-error-doctor — paste a Claude API error; a paste is kept whole.
Enter after a paste sends it; while typing, Enter on an empty line sends.
Ctrl-D sends too (it does not quit). Ctrl-C quits.
`;

const PROMPT = '› ';
const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

/**
 * The local console: the bot without any chat platform. In a terminal it reads keys in raw mode
 * with bracketed paste, so a pasted traceback with blank lines is one message and arrow keys or
 * Ctrl-L never land in it. Streams are injected so tests drive it like a terminal or a pipe; it
 * never exits the process itself.
 */
export function createConsoleAdapter(doctor: Doctor, options: ConsoleAdapterOptions): ConsoleAdapter {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let closeInput: (() => void) | null = null;
  const write = (s: string) => options.output.write(s);
  const format = options.format ?? { kind: 'markdown' };

  const render = (markdown: string) =>
    format.kind === 'markdown' ? markdown : renderForTerminal(markdown, { color: format.color, columns: format.columns ?? options.output.columns ?? 80 });

  async function answer(text: string, truncated = false): Promise<void> {
    const reply = async () => {
      const d = await doctor.diagnose({ platform: 'console', text, truncated, user: 'console' });
      write(`\n${render(d.reply)}\n\n`);
    };
    if (!options.replies) return reply();
    if (!options.replies.accepting) return;
    await options.replies.track(reply);
  }

  async function runPiped(): Promise<void> {
    // stop() before the end of the input (a signal while a pipe is still open) answers nothing.
    let stopped = false;
    closeInput = () => {
      stopped = true;
      (options.input as NodeJS.ReadableStream & { destroy?(): void }).destroy?.();
    };
    const read = await readTextStream(options.input as import('node:stream').Readable).catch((error: unknown) => {
      if (stopped) return null;
      throw error;
    });
    if (read && !stopped) await answer(read.text, read.truncated);
  }

  async function runInteractive(): Promise<void> {
    const input = options.input;
    const raw = Boolean(input.isTTY && input.setRawMode);
    if (raw) {
      input.setRawMode!(true);
      write(BRACKETED_PASTE_ON);
    }
    write(BANNER);
    write(PROMPT);
    const keys = new KeyReader();
    // In raw mode the terminal echoes nothing: what is typed or pasted is shown from here.
    const echo = (s: string) => raw && write(s);
    const lines: string[] = [];
    let current = '';
    let justPasted = false;
    let queue = Promise.resolve();
    const pending = () => (current === '' ? lines : [...lines, current]).join('\n');

    const send = () => {
      const text = pending();
      lines.length = 0;
      current = '';
      justPasted = false;
      if (text.trim() === '') {
        write(`\n(nothing to send — paste an error first; Ctrl-C quits)\n${PROMPT}`);
        return;
      }
      queue = queue.then(() => answer(text)).then(() => void write(PROMPT));
    };

    const onKey = (key: KeyEvent): boolean => {
      switch (key.kind) {
        case 'text':
          current += key.text;
          justPasted = false;
          echo(key.text);
          return true;
        case 'paste': {
          const [first = '', ...rest] = key.text.split('\n');
          current += first;
          for (const line of rest) {
            lines.push(current);
            current = line;
          }
          justPasted = true;
          echo(key.text.replace(/\n/g, '\r\n'));
          return true;
        }
        case 'enter':
          if (pending().trim() !== '' && (justPasted || current === '')) send();
          else if (pending().trim() !== '') {
            lines.push(current);
            current = '';
            echo('\r\n');
          } else echo(`\r\n${PROMPT}`);
          return true;
        case 'send':
          send();
          return true;
        case 'backspace':
          if (current.length > 0) {
            current = [...current].slice(0, -1).join('');
            echo('\b \b');
          }
          return true;
        case 'kill-line':
          current = '';
          echo(`\r\u001b[K${lines.length === 0 ? PROMPT : ''}`);
          return true;
        case 'clear':
          echo(`\u001b[2J\u001b[H${PROMPT}${pending().replace(/\n/g, '\r\n')}`);
          return true;
        case 'quit':
          echo('\r\n');
          return false;
      }
    };

    await new Promise<void>((resolve) => {
      const stop = () => {
        input.off('data', onData);
        input.off('end', onEnd);
        resolve();
      };
      const onData = (chunk: Buffer | string) => {
        for (const key of keys.feed(chunk)) if (!onKey(key)) return stop();
      };
      // The end of the input (a pipe that closed) sends what is left, like Ctrl-D.
      const onEnd = () => {
        if (pending().trim() !== '') send();
        stop();
      };
      closeInput = stop;
      input.on('data', onData);
      input.once('end', onEnd);
      input.resume();
    });
    if (raw) {
      input.setRawMode!(false);
      write(BRACKETED_PASTE_OFF);
    }
    input.pause();
    await queue;
  }

  return {
    name: 'console',
    finished,
    async start() {
      const run = options.interactive ? runInteractive() : runPiped();
      run.then(finish, (error: unknown) => {
        write(`\nSomething went wrong while answering: ${(error as Error).message}\n`);
        finish();
      });
    },
    async stop() {
      closeInput?.();
      await finished;
    },
  };
}
