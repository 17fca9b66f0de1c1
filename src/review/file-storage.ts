import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { redactForStorage } from '../store/redact-stored';
import { countKey, type ReviewGroup, ReviewGroupSchema, type ReviewItem, type ReviewLimits, type ReviewStorage, withinLimits } from './schema';

const FileSchema = z.object({ version: z.literal(1), groups: z.array(ReviewGroupSchema) });

function merge(group: ReviewGroup | undefined, item: ReviewItem, at: string): ReviewGroup {
  const bump = (counts: Record<string, number>, key: string) => ({ ...counts, [key]: (counts[key] ?? 0) + 1 });
  const base: ReviewGroup = group ?? {
    id: item.id,
    signature: item.signature,
    example: item.example,
    count: 0,
    firstSeen: at,
    lastSeen: at,
    reasons: {},
    entries: {},
    clients: {},
  };
  return {
    ...base,
    count: base.count + 1,
    lastSeen: at,
    reasons: bump(base.reasons, item.reason),
    entries: bump(base.entries, countKey(item.entry)),
    clients: bump(base.clients, countKey(item.client)),
  };
}

/**
 * The review queue in one JSON file (`DATA_DIR/review-queue.json`), for a single replica without
 * Redis. Each write replaces the file whole (write, then rename), so a crash leaves the old one.
 * Writes from this process are serialised; several processes on one file would lose counts — use
 * Redis for replicas.
 */
export class FileReviewStorage implements ReviewStorage {
  readonly where: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.where = join(dataDir, 'review-queue.json');
  }

  add(item: ReviewItem, limits: ReviewLimits, now: number): Promise<void> {
    const next = this.queue.then(async () => {
      const groups = await this.read();
      const at = new Date(now).toISOString();
      const i = groups.findIndex((g) => g.id === item.id);
      const merged = merge(i >= 0 ? groups[i] : undefined, item, at);
      if (i >= 0) groups[i] = merged;
      else groups.push(merged);
      await this.write(withinLimits(groups, limits, now));
    });
    this.queue = next.catch(() => {});
    return next;
  }

  async groups(limits: ReviewLimits, now: number): Promise<ReviewGroup[]> {
    await this.queue;
    return withinLimits(await this.read(), limits, now);
  }

  private async read(): Promise<ReviewGroup[]> {
    let raw: string;
    try {
      raw = await readFile(this.where, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const parsed = FileSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) throw new Error(`${this.where} is not a review queue file: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data.groups;
  }

  private async write(groups: ReviewGroup[]): Promise<void> {
    await mkdir(dirname(this.where), { recursive: true });
    const temp = `${this.where}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(redactForStorage({ version: 1, groups }), null, 1)}\n`, { mode: 0o600 });
    await rename(temp, this.where);
  }
}
