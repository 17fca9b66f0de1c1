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

  it('cites official sources only', () => {
    const bad = catalog.flatMap((e) => e.references.filter((r) => !OFFICIAL.test(r.url)).map((r) => `${e.id}: ${r.url}`));
    expect(bad).toEqual([]);
  });

  it('gives every rule a why and a tier, and every veto the texts it blocks', () => {
    const missing = catalog.flatMap((e) => e.match.flatMap((r, i) => (r.why && r.evidence && (!r.unless || r.blocks?.length) ? [] : [`${e.id} rule ${i}`])));
    expect(missing).toEqual([]);
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
  // An entry whose rules name only its own examples and the documented errors, so it loads alone.
  // Without its backstop marks, so a test may add a pattern to its first rule.
  const good = readFileSync(join(CATALOG_DIR, 'entries', 'timeout-504.yaml'), 'utf8').replace(/^    backstop: true\n/gm, '');
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
    expect(loadCatalog(withEntry('timeout-504.yaml', good)).map((e) => e.id)).toEqual(['timeout-504']);
  });

  it('names a bad field', () => {
    const problems = problemsOf(withEntry('timeout-504.yaml', good.replace('retryable: true', 'retryable: sometimes')));
    expect(problems.join('\n')).toMatch(/timeout-504\.yaml: retryable:/);
  });

  it('names a bad regex inside a rule', () => {
    const problems = problemsOf(withEntry('timeout-504.yaml', good.replace('  - type: timeout_error', '  - pattern: "(unclosed"\n    type: timeout_error')));
    expect(problems.join('\n')).toMatch(/timeout-504\.yaml: match\.0\.pattern: invalid regular expression/);
  });

  it('rejects an id that differs from the file name, and broken YAML', () => {
    expect(problemsOf(withEntry('other-name.yaml', good)).join('\n')).toMatch(/other-name\.yaml: id: "timeout-504" must equal the file name/);
    expect(problemsOf(withEntry('broken.yaml', 'id: [unclosed')).join('\n')).toMatch(/broken\.yaml: not valid YAML/);
  });

  it('rejects a decimal confidence: a rule states its evidence tier', () => {
    const problems = problemsOf(withEntry('timeout-504.yaml', good.replace('    evidence: exact\n', '    confidence: 0.9\n')));
    expect(problems.join('\n')).toMatch(/timeout-504\.yaml: match\.0(?:\.confidence)?: .*(?:confidence|evidence)/);
  });

  it('rejects an unknown named pattern and an example reference to nothing', () => {
    const named = good.replace("  - type: timeout_error\n", "  - type: timeout_error\n    pattern: '(?&no-such-pattern)'\n").replace('examples: [match/0,', 'examples: [match/9,');
    const problems = problemsOf(withEntry('timeout-504.yaml', named)).join('\n');
    expect(problems).toMatch(/match\.0\.pattern: unknown named pattern "\(\?&no-such-pattern\)"/);
    expect(problems).toMatch(/match\.1\.examples: "match\/9" names no example/);
  });

  it('rejects a regex the prefilter cannot file (no literal, no keywords, no status or type)', () => {
    const problems = problemsOf(withEntry('timeout-504.yaml', good.replace("  - type: timeout_error\n", "  - pattern: '\\d+\\s\\d+'\n"))).join('\n');
    expect(problems).toMatch(/match\.0\.pattern: no literal that every match contains/);
  });
});

describe('precedence between entries stops start-up when it is broken', () => {
  const entry = (id: string, outranks: string[]) =>
    readFileSync(join(CATALOG_DIR, 'entries', 'timeout-504.yaml'), 'utf8')
      .replace('id: timeout-504', `id: ${id}`)
      .replace(/^match:/m, `outranks: [${outranks.join(', ')}]\nmatch:`);
  const catalogOf = (entries: Record<string, string[]>) => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    mkdirSync(join(dir, 'entries'));
    for (const [id, outranks] of Object.entries(entries)) writeFileSync(join(dir, 'entries', `${id}.yaml`), entry(id, outranks));
    return dir;
  };
  const problemsOf = (dir: string): string => {
    try {
      loadCatalog(dir);
      return '';
    } catch (error) {
      return (error as CatalogError).problems.join('\n');
    }
  };

  it('loads an acyclic order', () => {
    expect(problemsOf(catalogOf({ a: ['b'], b: ['c'], c: [] }))).toBe('');
  });

  it('names a cycle, every entry on it', () => {
    expect(problemsOf(catalogOf({ a: ['b'], b: ['c'], c: ['a'] }))).toMatch(/outranks: cycle a → b → c → a/);
  });

  it('names an edge to an unknown entry and an edge to itself', () => {
    const problems = problemsOf(catalogOf({ a: ['nobody', 'a'] }));
    expect(problems).toMatch(/a: outranks: unknown entry "nobody"/);
    expect(problems).toMatch(/a: outranks: an entry cannot outrank itself/);
  });
});
