import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_DIR } from '../../src/catalog';
import { auditReport } from '../../src/cli/catalog-audit';
import { loadModels, type ModelsData } from '../../src/models';
import { compareWithSdk, findLegacyLinks } from '../../src/models/audit';
import { readSdkModelFacts, sdkDate } from '../../src/models/sdk-facts';
import { run } from '../support/spawn';

/**
 * The models data against what the installed @anthropic-ai/sdk ships (its Model type and the
 * deprecated-models table its client warns with). A lockfile bump that brings new models or new
 * deprecations turns this red until catalog/models.yaml is updated.
 */
const data = loadModels();
const sdk = readSdkModelFacts();

describe('catalog/models.yaml against the installed SDK', () => {
  it('reads the SDK files: its Model type and its deprecation table', () => {
    expect(sdk.models).toContain('claude-haiku-5-5');
    expect(sdk.deprecated['claude-opus-4-5']).toBe('2027-01-22');
    expect(sdkDate('November 30th, 2026')).toBe('2026-11-30');
  });

  it('knows every model id the SDK knows, and every deprecation it warns about, with the same dates', () => {
    expect(compareWithSdk(data, sdk)).toEqual({ unknownToData: [], deprecatedButCurrent: [], dateMismatch: [] });
  });

  it('fails when the SDK knows an id the data does not, or deprecates one the data calls current', () => {
    const stale: ModelsData = {
      ...data,
      current: data.current
        .filter((m) => m.id !== 'claude-haiku-5-5')
        .map((m) => (m.id === 'claude-opus-4-5-20251101' ? { ...m, status: 'active' as const, deprecation: undefined } : m)),
      retired: data.retired.map((r) => (r.ids.includes('claude-sonnet-4-5') ? { ...r, retired: '2026-12-31' } : r)),
    };
    const drift = compareWithSdk(stale, sdk);
    expect(drift.unknownToData).toEqual(['claude-haiku-5-5']);
    expect(drift.deprecatedButCurrent.map((d) => d.id).sort()).toEqual(['claude-opus-4-5', 'claude-opus-4-5-20251101']);
    expect(drift.dateMismatch).toContainEqual({ id: 'claude-sonnet-4-5', sdk: '2026-11-30', data: '2026-12-31' });
    const report = auditReport(stale, sdk, [], new Date('2027-03-01T00:00:00Z'));
    expect(report.ok).toBe(false);
    expect(report.text).toContain('verified 2026-12-07, 84 day(s) ago — older than 60 days');
    expect(report.text).toContain('the SDK knows `claude-haiku-5-5`; catalog/models.yaml lists it nowhere');
  });

  it('finds links on legacy hosts by file and field, and tells example pastes apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    try {
      mkdirSync(join(dir, 'entries'));
      writeFileSync(
        join(dir, 'entries', 'x.yaml'),
        'fix:\n  - Check https://console.anthropic.com/settings/limits.\nexamples:\n  match:\n    - "see https://docs.anthropic.com/en/api/errors"\n',
      );
      expect(findLegacyLinks(dir)).toEqual([
        { file: join(basename(dir), 'entries', 'x.yaml'), field: 'fix.0', url: 'https://console.anthropic.com/settings/limits', inExample: false },
        { file: join(basename(dir), 'entries', 'x.yaml'), field: 'examples.match.0', url: 'https://docs.anthropic.com/en/api/errors', inExample: true },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no links on legacy hosts in the models data itself', () => {
    expect(findLegacyLinks(CATALOG_DIR).filter((l) => l.file === 'catalog/models.yaml')).toEqual([]);
  });
});

describe('npm run catalog:audit', () => {
  it("prints the data's age, the SDK comparison and the catalogue's legacy links, and exits 0 when the SDK agrees", async () => {
    const r = await run('npm', ['run', '-s', 'catalog:audit']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^models data \(catalog\/models\.yaml\): verified 2026-12-07, \d+ day\(s\) ago/);
    expect(r.stdout).toContain(`installed @anthropic-ai/sdk ${sdk.version}`);
    expect(r.stdout).toContain('no differences from the SDK');
    expect(r.stdout).toMatch(/^(?:no )?links on legacy hosts \(console\.anthropic\.com, docs\.anthropic\.com, docs\.claude\.com/m);
  });
});
