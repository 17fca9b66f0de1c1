import { createInterface } from 'node:readline';
import type { Doctor } from '../../src/ports';
import type { Adapter } from '../port';

export interface ConsoleAdapterOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A terminal: prompt, and send on a blank line. Otherwise read everything and answer once. */
  interactive: boolean;
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
    const d = await doctor.diagnose({ platform: 'console', text, user: 'console' });
    write(`\n${d.reply}\n\n`);
  }

  async function runPiped(): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of options.input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    await answer(Buffer.concat(chunks).toString('utf8'));
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
