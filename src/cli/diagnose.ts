#!/usr/bin/env -S npx tsx
/**
 * The one-shot CLI. Contract (other tools depend on it):
 *   npm run -s diagnose -- [--json | --jsonl] [--explain] [--image PATH]... [--client NAME] [FILE | -]
 */
import { createAppDoctor } from '../compose';
import { CatalogError } from '../catalog';
import { ConfigError, loadOfflineConfig, logLevel } from '../config';
import { boundedLines, InputError, type ReadText, readImageFile, readStdin, readTextFile } from '../input';
import { DEFAULT_MAX_IMAGE_BYTES } from '../ocr/sniff';
import { createLogger } from '../ops/logger';
import { createStatusSource } from '../ops/status-page';
import { parseArgs, USAGE, UsageError } from './args';
import { diagnoseLine, MAX_LINE_BYTES } from './jsonl';
import { formatDiagnosis } from './output';

/** LOG_LEVEL=debug or trace: a bug's stack trace is printed too. */
let showStacks = false;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Chat settings are not read: this offline tool needs none, and a half-filled Slack section
  // must not stop it. LOG_LEVEL (default warn: stdout is the answer) and STATUS_URL apply.
  const config = loadOfflineConfig();
  const level = logLevel(config.ops, 'terminal');
  showStacks = level === 'debug' || level === 'trace';
  const logger = createLogger({ level });
  const images = await Promise.all(
    args.images.map(async (path) => ({ data: await readImageFile(path, DEFAULT_MAX_IMAGE_BYTES), name: path })),
  );
  let input: ReadText = { text: '', encoding: 'utf-8', truncated: false };
  if (args.mode !== 'jsonl') {
    if (args.file && args.file !== '-') input = await readTextFile(args.file);
    else if (images.length === 0 || !process.stdin.isTTY) {
      if (process.stdin.isTTY) process.stderr.write('Paste the error, then press Ctrl-D:\n');
      input = await readStdin(process.stdin);
    }
  }

  const doctor = await createAppDoctor(config, { logger, statusSource: createStatusSource(config.ops, logger) });
  try {
    if (args.mode === 'jsonl') {
      let n = 0;
      for await (const { line, cut } of boundedLines(process.stdin, MAX_LINE_BYTES)) {
        n += 1;
        process.stdout.write(`${JSON.stringify(await diagnoseLine(doctor, cut ? null : line, n, { explain: args.explain }))}\n`);
      }
      return 0;
    }
    const d = await doctor.diagnose({
      platform: 'cli',
      text: input.text,
      truncated: input.truncated,
      images,
      user: 'cli',
      client: args.client ?? undefined,
      explain: args.explain || undefined,
    });
    process.stdout.write(formatDiagnosis(d, args.mode));
    return 0;
  } finally {
    await doctor.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`diagnose: ${error.message}\n\n${USAGE}\n`);
    else if (error instanceof ConfigError || error instanceof CatalogError || error instanceof InputError) {
      process.stderr.write(`diagnose: ${error.message}\n`);
    } else {
      // A bug, not a user error: one line for the user; the stack only when asked for (LOG_LEVEL=debug).
      process.stderr.write(`diagnose: unexpected error: ${showStacks ? ((error as Error).stack ?? String(error)) : (error as Error).message}\n`);
    }
    process.exitCode = 2;
  },
);
