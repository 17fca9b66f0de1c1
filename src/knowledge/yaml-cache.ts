import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Parsed YAML, cached as JSON under node_modules/.cache keyed by the files' content. Parsing ~100
 * YAML files costs ~0.2 s in a fresh process — most of the CLI's cold start — while validation
 * (which still runs on every start) is cheap. Any cache problem falls back to parsing.
 */
export const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/claude-error-doctor', import.meta.url));
const FORMAT = 1;

export type Parsed = { ok: true; data: unknown } | { ok: false; error: string };

export function parseYamlFiles(files: ReadonlyArray<{ name: string; text: string }>): Parsed[] {
  const hash = createHash('sha256').update(String(FORMAT));
  for (const f of files) hash.update(f.name).update('\0').update(f.text).update('\0');
  const cacheFile = join(CACHE_DIR, `catalog-${hash.digest('hex').slice(0, 32)}.json`);
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as Parsed[];
  } catch {
    // No cache yet (or unreadable): parse below.
  }
  // The parser (~0.1 s to load) only when something must be parsed.
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const parsed = files.map((f): Parsed => {
    try {
      return { ok: true, data: parse(f.text) };
    } catch (error) {
      return { ok: false, error: (error as Error).message.split('\n')[0] ?? 'parse error' };
    }
  });
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(parsed));
    renameSync(tmp, cacheFile);
  } catch {
    // A read-only install simply parses every time.
  }
  return parsed;
}
