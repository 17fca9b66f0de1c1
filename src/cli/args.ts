import { ClientIdSchema, type ClientId } from '../contracts';
import { unknownOption } from './options';

/** Every option the CLI takes (the contract). */
const OPTIONS = ['--json', '--jsonl', '--brief', '--explain', '--image', '--client', '--help', '-h'] as const;

export interface CliArgs {
  mode: 'markdown' | 'json' | 'jsonl';
  images: string[];
  file: string | null;
  client: ClientId | null;
  explain: boolean;
  /** Markdown mode: the first message (`reply`) alone, without the details. */
  brief: boolean;
  help: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: npm run -s diagnose -- [--json | --jsonl | --brief] [--explain] [--image PATH]... [--client NAME] [FILE | -]

Diagnoses a pasted Claude API error and prints the fix: the short answer a chat user sees first,
then the details below a rule.

  FILE | -        read the error from FILE, or from stdin (the default)
  --brief         print the short answer alone (the Diagnosis's "reply"), without the details
  --json          print one Diagnosis as JSON ("reply" and "details" are both in it)
  --jsonl         batch mode: each stdin line is {"id": "...", "text": "...", "images": ["path", ...]};
                  prints one Diagnosis per input line, in input order
  --image PATH    a screenshot of the error (PNG, JPEG, WebP, GIF); repeatable
  --client NAME   show the fix for this client (${ClientIdSchema.options.join(', ')})
  --explain       also show why: the rule that fired for the answer and each runner-up, its tier,
                  the precedence and vetoes that decided, the text the rules read, and (with
                  SECOND_OPINION=on) the nearest labelled pastes (with --json / --jsonl: a "trace" field)
  -h, --help      show this help

Settings that apply (environment or .env): LOG_LEVEL (default warn; JSON lines on stderr), STATUS_URL,
ANTHROPIC_API_KEY and the FALLBACK_* limits, OCR_*, SECOND_OPINION. Slack and Discord settings are not read.

Exit status: 0 whenever an answer was produced (including "I don't recognise this"); 2 for usage errors
and for input that cannot be read.`;

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { mode: 'markdown', images: [], file: null, client: null, explain: false, brief: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (flag: string) => {
      const v = argv[++i];
      if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg === '--explain') args.explain = true;
    else if (arg === '--brief') args.brief = true;
    else if (arg === '--json' || arg === '--jsonl') {
      const mode = arg.slice(2) as 'json' | 'jsonl';
      if (args.mode !== 'markdown' && args.mode !== mode) throw new UsageError('use either --json or --jsonl, not both');
      args.mode = mode;
    } else if (arg === '--image') args.images.push(value('--image'));
    else if (arg.startsWith('--image=')) args.images.push(arg.slice('--image='.length));
    else if (arg === '--client' || arg.startsWith('--client=')) {
      const name = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : value('--client');
      const parsed = ClientIdSchema.safeParse(name);
      if (!parsed.success) throw new UsageError(`unknown client "${name}"; one of: ${ClientIdSchema.options.join(', ')}`);
      args.client = parsed.data;
    } else if (arg === '-' || !arg.startsWith('-')) {
      if (args.file !== null) throw new UsageError(`only one FILE can be given (got "${args.file}" and "${arg}")`);
      args.file = arg;
    } else throw new UsageError(unknownOption(arg, OPTIONS));
  }
  if (args.mode === 'jsonl' && args.file !== null && args.file !== '-') {
    // Batch input is a stream of lines; a file works through stdin redirection.
    throw new UsageError('--jsonl reads stdin; use: npm run -s diagnose -- --jsonl < FILE');
  }
  if (args.brief && args.mode !== 'markdown') throw new UsageError(`--brief shortens the markdown answer; --${args.mode} already carries "reply" and "details" apart`);
  if (args.mode === 'jsonl' && args.images.length > 0) throw new UsageError('--jsonl takes images per line ("images": [...]), not --image');
  return args;
}
