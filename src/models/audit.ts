import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { ModelsData } from './schema';
import type { SdkModelFacts } from './sdk-facts';

/** Where the models data and the installed SDK disagree. Empty lists: they agree. */
export interface ModelsDrift {
  /** Ids in the SDK's `Model` type that the data lists nowhere (neither current nor retired). */
  unknownToData: string[];
  /** Ids the SDK warns about as deprecated that the data calls current without a deprecation. */
  deprecatedButCurrent: Array<{ id: string; sdkEndOfLife: string }>;
  /** Ids whose end-of-life day in the data differs from the SDK's. */
  dateMismatch: Array<{ id: string; sdk: string; data: string }>;
}

export function compareWithSdk(data: ModelsData, sdk: SdkModelFacts): ModelsDrift {
  const current = new Map(data.current.flatMap((m) => [m.id, ...m.aliases].map((id) => [id, m] as const)));
  const retired = new Map(data.retired.flatMap((r) => r.ids.map((id) => [id, r.retired] as const)));
  const drift: ModelsDrift = { unknownToData: [], deprecatedButCurrent: [], dateMismatch: [] };
  const unknown = new Set(sdk.models.filter((id) => !current.has(id) && !retired.has(id)));
  for (const [id, sdkEndOfLife] of Object.entries(sdk.deprecated)) {
    const model = current.get(id);
    const day = model?.deprecation?.retires ?? retired.get(id);
    if (model && !model.deprecation) drift.deprecatedButCurrent.push({ id, sdkEndOfLife });
    else if (!day) unknown.add(id);
    else if (day !== sdkEndOfLife) drift.dateMismatch.push({ id, sdk: sdkEndOfLife, data: day });
  }
  drift.unknownToData = [...unknown];
  return drift;
}

/** Hosts the docs and the Console have moved away from (now platform.claude.com). */
export const LEGACY_HOSTS = ['console.anthropic.com', 'docs.anthropic.com', 'docs.claude.com'] as const;

export interface LegacyLink {
  /** Path relative to the catalogue's parent folder (catalog/entries/x.yaml). */
  file: string;
  /** Where in the file's data: "fix.2", "references.0.url". */
  field: string;
  url: string;
  /** True inside `examples`: a real paste quoting an old link, which stays as it was pasted. */
  inExample: boolean;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

const LEGACY_LINK = new RegExp(`(?:https?://)?(?:${LEGACY_HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|')})[^\\s'"\`)>\\]]*`, 'g');

/** Every string in a YAML document, with its dotted path. */
function strings(value: unknown, path: string[] = []): Array<{ path: string[]; text: string }> {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

/** Every mention of a legacy host in the catalogue's YAML files, with file and field. */
export function findLegacyLinks(catalogDir: string): LegacyLink[] {
  return yamlFiles(catalogDir).flatMap((file) =>
    strings(parse(readFileSync(file, 'utf8'))).flatMap(({ path, text }) =>
      [...text.matchAll(LEGACY_LINK)].map((m) => ({
        file: relative(join(catalogDir, '..'), file),
        field: path.join('.'),
        url: m[0].replace(/[.,;:\\]+$/, ''),
        inExample: path[0] === 'examples',
      })),
    ),
  );
}

/** Whole days from `verified` (YYYY-MM-DD) to `today`. */
export const ageInDays = (verified: string, today: Date): number =>
  Math.floor((Date.parse(today.toISOString().slice(0, 10)) - Date.parse(verified)) / 86_400_000);
