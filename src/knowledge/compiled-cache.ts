import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR } from './yaml-cache';

/**
 * The validated, compiled form of a knowledge file set, kept as JSON under node_modules/.cache and
 * reused while neither the data nor the code that validates and compiles it has changed. Validating
 * ~170 entries with zod and compiling their regexes costs ~0.2 s in a fresh process, a large part
 * of the CLI's cold start. The guarantee stays: what is read back was produced by the zod schemas
 * of this very code from these very files (both are in the key); test/catalog/compiled-cache.test.ts
 * checks the cached catalogue equals a fresh build. Any cache problem falls back to building.
 */
const FORMAT = 1;

/** The source folders whose code shapes the compiled knowledge (schemas, compilation, literals, contracts). */
const CODE_DIRS = ['catalog', 'knowledge', 'models', 'scan', 'contracts'];
const SRC_DIR = new URL('..', import.meta.url);

let codeFingerprint: string | null | undefined;

/** A hash of the code's text, or null when the sources cannot be read (then nothing is cached). */
function codeHash(): string | null {
  if (codeFingerprint !== undefined) return codeFingerprint;
  try {
    const hash = createHash('sha256');
    for (const dir of CODE_DIRS) {
      const path = new URL(`${dir}/`, SRC_DIR);
      for (const name of readdirSync(path).filter((f) => f.endsWith('.ts')).sort()) {
        hash.update(`${dir}/${name}\0`).update(readFileSync(new URL(name, path))).update('\0');
      }
    }
    codeFingerprint = hash.digest('hex');
  } catch {
    codeFingerprint = null;
  }
  return codeFingerprint;
}

export interface Codec<T> {
  /** To JSON-safe data (RegExp objects to their sources, say). */
  encode(value: T): unknown;
  decode(json: unknown): T;
}

const plain: Codec<never> = { encode: (v) => v, decode: (j) => j as never };

/**
 * `build()` (which validates and throws on invalid data), or its cached result for the same
 * `name`, data `inputs` (the files' text) and code. Failures are never cached.
 */
export function cachedBuild<T>(name: string, inputs: readonly string[], build: () => T, codec: Codec<T> = plain as Codec<T>): T {
  const code = codeHash();
  if (code === null) return build();
  const hash = createHash('sha256').update(`${FORMAT}\0${name}\0${code}\0`);
  for (const text of inputs) hash.update(text).update('\0');
  const file = join(CACHE_DIR, `${name}-${hash.digest('hex').slice(0, 32)}.json`);
  try {
    return codec.decode(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // No cache yet (or unreadable): build below.
  }
  const value = build();
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(codec.encode(value)));
    renameSync(tmp, file);
    // Older builds of the same knowledge are never read again (each edit of catalog/ makes one).
    for (const old of readdirSync(CACHE_DIR)) {
      if (old.startsWith(`${name}-`) && old.endsWith('.json') && join(CACHE_DIR, old) !== file) rmSync(join(CACHE_DIR, old), { force: true });
    }
  } catch {
    // A read-only install simply builds every time.
  }
  return value;
}
