import { spawnSync } from 'node:child_process';
import { ROOT } from '../support/spawn';

const PASTE = `anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}`;

/** Wall time of one CLI run from a cold process, median of several. */
export function benchColdStart(runs = 5): { tsxMedianMs: number; npmRunMedianMs: number } {
  const time = (cmd: string, args: string[]) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(cmd, args, { cwd: ROOT, input: PASTE, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
      samples.push(performance.now() - t0);
    }
    return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  };
  return {
    tsxMedianMs: time('npx', ['tsx', 'src/cli/diagnose.ts', '--json']),
    npmRunMedianMs: time('npm', ['run', '-s', 'diagnose', '--', '--json']),
  };
}
