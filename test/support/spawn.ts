import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command from the repository root with stdin, a clean env and a hard time limit. */
export function run(command: string, args: string[], options: { stdin?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      // STATUS_URL=off: no test reaches the real status page; tests that need one pass the fake's URL.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', STATUS_URL: 'off', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** The CLI as the contract states it: `npm run -s diagnose -- ...`. */
export const diagnoseCli = (args: string[], options: Parameters<typeof run>[2] = {}) => run('npm', ['run', '-s', 'diagnose', '--', ...args], options);
