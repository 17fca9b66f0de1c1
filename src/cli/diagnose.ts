#!/usr/bin/env -S npx tsx
/**
 * The one-shot CLI. Contract (other tools depend on it):
 *   npm run -s diagnose -- [--json | --jsonl] [--explain] [--image PATH]... [--client NAME] [FILE | -]
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { toDiagnosisJson } from '../contracts';
import { createAppDoctor } from '../compose';
import { CatalogError } from '../catalog';
import { ConfigError, loadConfig } from '../config';
import { parseArgs, USAGE, UsageError } from './args';
import { formatTrace } from './explain';
import { diagnoseLine } from './jsonl';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const images = await Promise.all(
    args.images.map(async (path) => {
      try {
        return { data: new Uint8Array(await readFile(path)), name: path };
      } catch (error) {
        throw new UsageError(`cannot read image "${path}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }),
  );
  let text = '';
  if (args.mode !== 'jsonl') {
    if (args.file && args.file !== '-') {
      text = await readFile(args.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read "${args.file}": ${error.code ?? error.message}`);
      });
    } else if (images.length === 0 || !process.stdin.isTTY) {
      if (process.stdin.isTTY) process.stderr.write('Paste the error, then press Ctrl-D:\n');
      text = await readAll(process.stdin);
    }
  }

  const doctor = await createAppDoctor(loadConfig());
  try {
    if (args.mode === 'jsonl') {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      let n = 0;
      for await (const line of lines) {
        n += 1;
        process.stdout.write(`${JSON.stringify(await diagnoseLine(doctor, line, n, { explain: args.explain }))}\n`);
      }
      return 0;
    }
    const d = await doctor.diagnose({ platform: 'cli', text, images, user: 'cli', client: args.client ?? undefined, explain: args.explain || undefined });
    if (args.mode === 'json') process.stdout.write(`${JSON.stringify(toDiagnosisJson(d), null, 2)}\n`);
    else process.stdout.write(d.trace ? `${d.reply}\n\n${formatTrace(d.trace)}\n` : `${d.reply}\n`);
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
    else if (error instanceof ConfigError || error instanceof CatalogError) process.stderr.write(`diagnose: ${error.message}\n`);
    else process.stderr.write(`diagnose: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
