import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CATALOG_DIR, loadCatalog } from '../../src/catalog';
import { buildCatalog } from '../../src/catalog/load';
import { cachedBuild } from '../../src/knowledge/compiled-cache';
import { CACHE_DIR } from '../../src/knowledge/yaml-cache';
import { loadModels } from '../../src/models';
import { ModelsDataSchema } from '../../src/models/schema';

/**
 * The CLI reads the catalogue's validated, compiled form from a cache (cold start); what it reads
 * must be what parsing, zod validation and compilation produce from the shipped files today.
 */
describe('the compiled knowledge cache', () => {
  it('gives the same catalogue as a fresh parse, validation and compilation of catalog/', () => {
    loadCatalog(); // fills the cache when it is empty
    const cached = loadCatalog();
    const fresh = buildCatalog();
    expect(cached.length).toBeGreaterThan(100);
    expect(cached).toEqual(fresh);
    // Regexes come back as working regexes, flags included.
    const rule = cached.flatMap((e) => e.match).find((r) => r.pattern)!;
    expect(rule.pattern).toBeInstanceOf(RegExp);
    expect(rule.pattern!.flags).toBe('i');
  });

  it('gives the same models data as validating catalog/models.yaml', () => {
    loadModels();
    expect(loadModels()).toEqual(ModelsDataSchema.parse(parse(readFileSync(join(CATALOG_DIR, 'models.yaml'), 'utf8'))));
  });

  const name = `test-cache-${process.pid}`;
  afterAll(() => {
    for (const f of readdirSync(CACHE_DIR).filter((f) => f.startsWith(name))) rmSync(join(CACHE_DIR, f), { force: true });
  });

  it('builds again when a data file changes, and reuses the result while it does not', () => {
    let builds = 0;
    const build = (text: string) => () => {
      builds += 1;
      return { text };
    };
    expect(cachedBuild(name, ['a: 1'], build('a: 1'))).toEqual({ text: 'a: 1' });
    expect(cachedBuild(name, ['a: 1'], build('a: 1'))).toEqual({ text: 'a: 1' });
    expect(builds).toBe(1);
    expect(cachedBuild(name, ['a: 2'], build('a: 2'))).toEqual({ text: 'a: 2' });
    expect(builds).toBe(2);
  });

  it('builds when the cached file is damaged, and never caches a failed build', () => {
    cachedBuild(name, ['b'], () => 'ok');
    for (const f of readdirSync(CACHE_DIR).filter((f) => f.startsWith(name))) writeFileSync(join(CACHE_DIR, f), '{"trunc');
    expect(cachedBuild(name, ['b'], () => 'rebuilt')).toBe('rebuilt');
    const invalid = () => {
      throw new Error('invalid entry');
    };
    expect(() => cachedBuild(name, ['c'], invalid)).toThrow('invalid entry');
    expect(() => cachedBuild(name, ['c'], invalid)).toThrow('invalid entry');
  });
});
