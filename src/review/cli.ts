/**
 * `npm run review`: the review queue's largest groups, one redacted example each, so a maintainer
 * can turn them into catalogue entries. Reads the queue where the bot writes it (REDIS_URL, else
 * DATA_DIR/review-queue.json); writes nothing.
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from '../config';
import { redactSecrets } from '../redact';
import { FileReviewStorage } from './file-storage';
import { reviewReport } from './report';
import type { ReviewStorage } from './schema';
import { reviewLimits } from './index';
import { ReviewQueue } from './queue';
import { MemoryStore } from '../store/memory-store';

const USAGE = `Usage: npm run -s review -- [--json] [--limit N]

Prints the review queue's largest groups: pastes answered "I don't recognise this", hedged answers
and 👎 votes, redacted and grouped by a signature with ids, numbers and times folded. Each group
shows its count, why its pastes are there, the catalogue entries and clients, first and last seen,
and one example.

The queue is read where the bot writes it: Redis when REDIS_URL is set, else
DATA_DIR/review-queue.json (DATA_DIR defaults to .data). Settings come from the environment or .env.

  --json      print {"where", "groups": [...], "total": {...}} instead of text
  --limit N   show the N largest groups (default 20)
  -h, --help  this text

Exit status: 0 when the queue was read (also when it is empty); 1 when it could not be read; 2 for usage errors.`;

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): { json: boolean; limit: number; help: boolean } {
  const out = { json: false, limit: 20, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') out.help = true;
    else if (arg === '--json') out.json = true;
    else if (arg === '--limit') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--limit needs a positive whole number');
      out.limit = n;
    } else throw new UsageError(`unknown argument "${arg}"`);
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { state } = loadConfig();
  let storage: ReviewStorage;
  let close = async () => {};
  if (state.REDIS_URL) {
    const [{ RedisConnection }, { RedisReviewStorage }] = await Promise.all([import('../store/redis-connection'), import('./redis-storage')]);
    const redis = new RedisConnection({ url: state.REDIS_URL });
    close = () => redis.close();
    if (!(await redis.open(5_000))) {
      await close();
      throw new Error('cannot reach Redis at REDIS_URL');
    }
    storage = new RedisReviewStorage(redis);
  } else {
    storage = new FileReviewStorage(state.DATA_DIR);
  }
  try {
    const queue = new ReviewQueue({ storage, store: new MemoryStore(), limits: reviewLimits(state) });
    const all = await queue.largest();
    const total = { groups: all.length, pastes: all.reduce((n, g) => n + g.count, 0) };
    const groups = all.slice(0, args.limit);
    if (args.json) process.stdout.write(`${JSON.stringify({ where: storage.where, total, groups }, null, 2)}\n`);
    else {
      if (!state.REVIEW_QUEUE) process.stderr.write('note: REVIEW_QUEUE=off, so the bot adds nothing to this queue now.\n');
      process.stdout.write(`${reviewReport(storage.where, groups, total)}\n`);
    }
    return 0;
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError;
    const known = usage || error instanceof ConfigError;
    const text = known || error instanceof Error ? (error as Error).message : String(error);
    process.stderr.write(`review: ${redactSecrets(text).text}${usage ? `\n\n${USAGE}` : ''}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
