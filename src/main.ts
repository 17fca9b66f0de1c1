/**
 * `npm start`: the composition root. Starts every adapter whose settings are present; with none,
 * the local console. Reads the environment (and .env) once, here and in src/config only.
 */
import 'dotenv/config';
import { createConsoleAdapter } from '../adapters/console';
import type { Adapter } from '../adapters/port';
import { CatalogError } from './catalog';
import { createAppDoctor } from './compose';
import { ConfigError, loadConfig } from './config';

const HELP = `Usage: npm start [-- --help]

Starts claude-error-doctor.
  - Slack starts when SLACK_BOT_TOKEN is set (Socket Mode with SLACK_APP_TOKEN, else HTTP mode with
    SLACK_SIGNING_SECRET on PORT).
  - Discord starts when DISCORD_TOKEN and DISCORD_APPLICATION_ID are set.
  - With neither, the local console starts: paste an error, send it with an empty line or Ctrl-D.
    With piped input (npm start < error.txt) it answers once and exits.
Settings come from the environment or a .env file; see .env.example.`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const config = loadConfig();
  const doctor = await createAppDoctor(config);
  const adapters: Adapter[] = [];

  if (adapters.length === 0) {
    const console = createConsoleAdapter(doctor, {
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
    });
    process.once('SIGINT', () => void console.stop());
    await console.start();
    await console.finished;
    await doctor.close();
    return 0;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof CatalogError;
    process.stderr.write(`claude-error-doctor: ${known ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exitCode = 1;
  },
);
