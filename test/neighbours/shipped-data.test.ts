import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_DIR, CatalogError, loadCatalog } from '../../src/catalog';
import { DiagnosisSchema } from '../../src/contracts';
import { loadNeighbourRows, NEIGHBOURS_FILE } from '../../src/neighbours';
import { checkSetup } from '../../src/ops/check';
import { labelledPastes, rowOf } from '../support/neighbour-rows';
import { diagnoseCli, ROOT } from '../support/spawn';

describe('catalog/neighbours.jsonl, the shipped copy of the labelled pastes', () => {
  const rows = loadNeighbourRows(CATALOG_DIR, loadCatalog());

  it('is in sync with test/fixtures: every labelled paste, its label, and its text as the rules read it today (else: npm run neighbours:build)', () => {
    const want = labelledPastes().map(rowOf);
    expect(rows.map(({ entry: _entry, ...rest }) => rest)).toEqual(want);
  });

  it('answers every labelled category but "unknown" with a catalogue entry of that category', () => {
    // loadNeighbourRows has already refused an entry of another category, or none the catalogue has.
    expect(rows.filter((r) => r.category !== 'unknown' && r.entry === null).map((r) => r.id)).toEqual([]);
    expect(rows.filter((r) => r.category === 'unknown' && r.entry !== null).map((r) => r.id)).toEqual([]);
  });

  it('is the only copy runtime code reads: nothing under src/ reads test/', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    // A path into test/ in a string of code (comments may name test files).
    const code = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    const readers = files(join(ROOT, 'src'))
      .filter((f) => f.endsWith('.ts') || f.endsWith('.mjs'))
      .filter((f) => /['"`][^'"`\n]*\btest\/[^'"`\n]*['"`]/.test(code(f)));
    expect(readers).toEqual([]);
  });

  it('is checked by npm start -- --check: a broken row is named by file, line and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    try {
      cpSync(CATALOG_DIR, dir, { recursive: true });
      const lines = readFileSync(join(dir, NEIGHBOURS_FILE), 'utf8').split('\n');
      lines[1] = JSON.stringify({ ...JSON.parse(lines[1]!), category: 'rate_limit', entry: 'invalid-api-key' });
      lines[2] = '{"id": "x"';
      writeFileSync(join(dir, NEIGHBOURS_FILE), lines.join('\n'));
      expect(() => loadNeighbourRows(dir, loadCatalog(dir))).toThrow(CatalogError);
      const r = checkSetup({}, dir);
      expect(r.ok).toBe(false);
      expect(r.report).toMatch(/catalogue: \S*neighbours\.jsonl:2: entry: "invalid-api-key" is of category auth\.invalid_key, not rate_limit/);
      expect(r.report).toMatch(/neighbours\.jsonl:3: not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SECOND_OPINION', () => {
  const JsonDiagnosis = DiagnosisSchema.omit({ document: true });
  const paste = labelledPastes().find((p) => p.case.id === 'dev-002')!.case.text;

  it('is off by default and on with SECOND_OPINION=on, in the CLI as in the bot (they share the composition root)', async () => {
    const off = JsonDiagnosis.parse(JSON.parse((await diagnoseCli(['--json', '--explain'], { stdin: paste, env: { STATUS_URL: 'off' } })).stdout));
    expect(off.trace).not.toHaveProperty('secondOpinion');
    const on = JsonDiagnosis.parse(JSON.parse((await diagnoseCli(['--json', '--explain'], { stdin: paste, env: { STATUS_URL: 'off', SECOND_OPINION: 'on' } })).stdout));
    // The paste is itself a labelled paste: its own row is its nearest neighbour, and agrees.
    expect(on.trace!.secondOpinion!.role).toBe('agrees');
    expect(on.trace!.secondOpinion!.neighbours[0]).toMatchObject({ id: 'dev-002', set: 'dev-corpus', similarity: expect.closeTo(1, 3) });
    expect({ category: on.category, confidence: on.confidence }).toEqual({ category: off.category, confidence: off.confidence });
  });
});
