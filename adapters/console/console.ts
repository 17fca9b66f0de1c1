import { createInterface } from 'node:readline';
import type { Doctor } from '../../src/ports';
import type { Adapter } from '../port';

export interface ConsoleAdapterOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A terminal: prompt, and send on a blank line. Otherwise read everything and answer once. */
  interactive: boolean;
  /** Counts replies in flight; once it stops accepting (shutdown), no new paste is answered. */
  replies?: ReplyGate;
}

/** The operations layer's in-flight tracker, as far as an adapter needs it. */
export interface ReplyGate {
  readonly accepting: boolean;
  track<T>(work: () => Promise<T>): Promise<T>;
}

export interface ConsoleAdapter extends Adapter {
  /** Resolves when the input has ended and every answer was written. */
  readonly finished: Promise<void>;
}

const BANNER = `claude-error-doctor — paste a Claude API error (several lines are fine).
Send it with an empty line or Ctrl-D. Ctrl-C quits.
`;

/**
 * The local console: the bot without any chat platform. Streams are injected so tests drive it
 * like a terminal or a pipe; it never exits the process itself.
 */
export function createConsoleAdapter(doctor: Doctor, options: ConsoleAdapterOptions): ConsoleAdapter {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let closeInput: (() => void) | null = null;
  const write = (s: string) => options.output.write(s);

  async function answer(text: string): Promise<void> {
    const reply = async () => {
      const d = await doctor.diagnose({ platform: 'console', text, user: 'console' });
      write(`\n${d.reply}\n\n`);
    };
    if (!options.replies) return reply();
    if (!options.replies.accepting) return;
    await options.replies.track(reply);
  }

  async function runPiped(): Promise<void> {
    const chunks: Buffer[] = [];
    const input = options.input;
    // stop() before the end of the input (a signal while a pipe is still open) answers nothing.
    const complete = await new Promise<boolean>((resolve, reject) => {
      input.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
      input.once('end', () => resolve(true));
      input.once('error', reject);
      closeInput = () => {
        input.pause();
        resolve(false);
      };
    });
    if (complete) await answer(Buffer.concat(chunks).toString('utf8'));
  }

  async function runInteractive(): Promise<void> {
    write(BANNER);
    const rl = createInterface({ input: options.input, output: options.output, prompt: '› ', terminal: false });
    closeInput = () => rl.close();
    let buffer: string[] = [];
    let queue = Promise.resolve();
    const send = () => {
      const text = buffer.join('\n');
      buffer = [];
      if (text.trim()) queue = queue.then(() => answer(text)).then(() => void write('› '));
    };
    write('› ');
    rl.on('line', (line) => (line.trim() === '' ? send() : buffer.push(line)));
    await new Promise<void>((resolve) => rl.once('close', resolve));
    send();
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
