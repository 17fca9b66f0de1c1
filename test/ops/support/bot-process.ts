import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { ROOT } from '../../support/spawn';

export type LogRecord = Record<string, unknown> & { level: number; msg?: string };

/**
 * The bot as a process manager runs it: `node --import tsx src/main.ts`, one process, so a signal
 * reaches the bot itself (`npx` and `npm start` exit on SIGTERM at once and orphan the bot).
 * A clean environment; JSON logs on stderr.
 * Collects output, parses log lines and waits for them; `stop()` kills it if a test left it running.
 */
export class BotProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly listeners = new Set<() => void>();

  /**
   * `launch: 'npm start'` runs the bot the way `CMD ["npm", "start"]` does, to prove a signal to
   * npm reaches the bot. The review queue is off unless a test turns it on, so no test writes to
   * the repository's .data folder.
   */
  constructor(env: Record<string, string>, launch: 'node' | 'npm start' = 'node') {
    const [command, args] = launch === 'node' ? [process.execPath, ['--import', 'tsx', 'src/main.ts']] : ['npm', ['start']];
    this.child = spawn(command, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', REVIEW_QUEUE: 'off', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (d: Buffer) => ((this.stdout += d.toString()), this.notify()));
    this.child.stderr.on('data', (d: Buffer) => ((this.stderr += d.toString()), this.notify()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => (this.notify(), resolve({ code, signal }))));
  }

  /** Every stderr line that is a JSON log record. */
  logs(): LogRecord[] {
    return this.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogRecord);
  }

  /** Resolves with the first log record matching `predicate`; fails after `timeoutMs` or on exit. */
  async waitForLog(predicate: (r: LogRecord) => boolean, timeoutMs = 15_000): Promise<LogRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs().find(predicate);
      if (found) return found;
      if (this.child.exitCode !== null) throw new Error(`bot exited (${this.child.exitCode}) before the log line\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for a log line\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const wake = () => (this.listeners.delete(wake), resolve());
        this.listeners.add(wake);
        setTimeout(wake, 50);
      });
    }
  }

  /** Writes to the bot's stdin; `end` closes it (Ctrl-D, or the end of a pipe). */
  input(text: string, end = false): void {
    if (end) this.child.stdin.end(text);
    else this.child.stdin.write(text);
  }

  /** The process spawned (npm itself under `npm start`). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Cleanup for afterEach: a test that failed half-way must not leave the bot running. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private notify(): void {
    for (const wake of [...this.listeners]) wake();
  }
}
