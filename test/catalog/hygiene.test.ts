import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_DIR, CatalogError, loadCatalog } from '../../src/catalog';
import { CategorySchema } from '../../src/contracts';

const catalog = loadCatalog();

/** Domains the catalogue may cite: official docs and the platforms' own docs, never a relay. */
const OFFICIAL = /^https:\/\/(?:platform\.claude\.com|docs\.anthropic\.com|docs\.claude\.com|code\.claude\.com|status\.claude\.com|console\.anthropic\.com|support\.anthropic\.com|support\.claude\.com|www\.anthropic\.com|github\.com\/anthropics|docs\.aws\.amazon\.com|aws\.amazon\.com|console\.aws\.amazon\.com|cloud\.google\.com|console\.cloud\.google\.com)(?:\/|$)/;

describe('catalogue hygiene', () => {
  it('covers every category of the taxonomy', () => {
    const covered = new Set(catalog.map((e) => e.category));
    const missing = CategorySchema.options.filter((c) => c !== 'unknown' && !covered.has(c));
    expect(missing).toEqual([]);
  });

  it('covers every documented status', () => {
    const statuses = new Set(catalog.flatMap((e) => e.match.flatMap((r) => r.status ?? [])));
    for (const s of [400, 401, 402, 403, 404, 409, 413, 429, 500, 504, 529]) expect(statuses, `status ${s}`).toContain(s);
  });

  it('cites official sources only', () => {
    const bad = catalog.flatMap((e) => e.references.filter((r) => !OFFICIAL.test(r.url)).map((r) => `${e.id}: ${r.url}`));
    expect(bad).toEqual([]);
  });

  it('has no regex with nested quantifiers (catastrophic backtracking)', () => {
    const nested = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]/;
    const bad = catalog.flatMap((e) =>
      e.match.flatMap((r, i) => [r.pattern, r.unless].filter((p): p is RegExp => p !== undefined && nested.test(p.source)).map((p) => `${e.id} rule ${i}: ${p.source}`)),
    );
    expect(bad).toEqual([]);
    expect('(a+)+$').toMatch(nested);
    expect('(?:\\w+\\s?)*x').toMatch(nested);
  });

  it('gives every in-scope entry a numbered fix and the four main snippets', () => {
    for (const e of catalog.filter((x) => x.category !== 'out_of_scope')) {
      expect(e.fix.length, e.id).toBeGreaterThan(0);
      for (const k of ['python', 'typescript', 'curl', 'claude-code'] as const) expect(e.snippets[k], `${e.id}.${k}`).toBeDefined();
    }
  });
});

describe('a broken entry stops start-up with the file name and the field path', () => {
  const good = readFileSync(join(CATALOG_DIR, 'entries', 'overloaded.yaml'), 'utf8');
  const withEntry = (name: string, text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    mkdirSync(join(dir, 'entries'));
    writeFileSync(join(dir, 'entries', name), text);
    return dir;
  };
  const problemsOf = (dir: string): string[] => {
    try {
      loadCatalog(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      return (error as CatalogError).problems;
    }
    throw new Error('expected the catalogue to be rejected');
  };

  it('loads a valid entry', () => {
    expect(loadCatalog(withEntry('overloaded.yaml', good)).map((e) => e.id)).toEqual(['overloaded']);
  });

  it('names a bad field', () => {
    const problems = problemsOf(withEntry('overloaded.yaml', good.replace('retryable: true', 'retryable: sometimes')));
    expect(problems.join('\n')).toMatch(/overloaded\.yaml: retryable:/);
  });

  it('names a bad regex inside a rule', () => {
    const problems = problemsOf(withEntry('overloaded.yaml', good.replace('- status: 529', '- pattern: "(unclosed"\n    status: 529')));
    expect(problems.join('\n')).toMatch(/overloaded\.yaml: match\.0\.pattern: invalid regular expression/);
  });

  it('rejects an id that differs from the file name, and broken YAML', () => {
    expect(problemsOf(withEntry('other-name.yaml', good)).join('\n')).toMatch(/other-name\.yaml: id: "overloaded" must equal the file name/);
    expect(problemsOf(withEntry('broken.yaml', 'id: [unclosed')).join('\n')).toMatch(/broken\.yaml: not valid YAML/);
  });
});
