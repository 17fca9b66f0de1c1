#!/usr/bin/env -S npx tsx
/**
 * `npm run catalog:audit`: how old the models data is, where it disagrees with the installed
 * @anthropic-ai/sdk, and which catalogue links still point at legacy hosts. Reads files only; no
 * network. Exit status 1 when the SDK knows models or deprecations the data does not, else 0
 * (legacy links are reported, not failed).
 */
import { pathToFileURL } from 'node:url';
import { CATALOG_DIR } from '../catalog';
import { loadModels, type ModelsData } from '../models';
import { ageInDays, compareWithSdk, findLegacyLinks, type LegacyLink, LEGACY_HOSTS } from '../models/audit';
import { readSdkModelFacts, type SdkModelFacts } from '../models/sdk-facts';

/** Past this many days the data is worth re-checking even when the SDK agrees. */
export const STALE_AFTER_DAYS = 60;

export function auditReport(data: ModelsData, sdk: SdkModelFacts, links: readonly LegacyLink[], today: Date): { text: string; ok: boolean } {
  const age = ageInDays(data.verified, today);
  const drift = compareWithSdk(data, sdk);
  const lines = [
    `models data (catalog/models.yaml): verified ${data.verified}, ${age} day(s) ago${age > STALE_AFTER_DAYS ? ` — older than ${STALE_AFTER_DAYS} days, re-check the models overview and deprecations pages` : ''}`,
    `installed @anthropic-ai/sdk ${sdk.version}: ${sdk.models.length} ids in its Model type, ${Object.keys(sdk.deprecated).length} in its deprecated-models data`,
  ];
  const problems = [
    ...drift.unknownToData.map((id) => `  the SDK knows \`${id}\`; catalog/models.yaml lists it nowhere`),
    ...drift.deprecatedButCurrent.map((d) => `  the SDK deprecates \`${d.id}\` (end of life ${d.sdkEndOfLife}); catalog/models.yaml calls it current`),
    ...drift.dateMismatch.map((d) => `  \`${d.id}\`: end of life ${d.sdk} in the SDK, ${d.data} in catalog/models.yaml`),
  ];
  lines.push(problems.length ? `differences from the SDK (${problems.length}):` : '  no differences from the SDK', ...problems);
  const own = links.filter((l) => !l.inExample);
  const quoted = links.length - own.length;
  lines.push(
    own.length
      ? `links on legacy hosts (${LEGACY_HOSTS.join(', ')}; now platform.claude.com): ${own.length} in ${new Set(own.map((l) => l.file)).size} file(s)`
      : `no links on legacy hosts (${LEGACY_HOSTS.join(', ')})`,
    ...own.map((l) => `  ${l.file}  ${l.field}  ${l.url}`),
  );
  if (quoted) lines.push(`  (${quoted} more inside examples: real pastes quoting old links, left as pasted)`);
  return { text: lines.join('\n'), ok: problems.length === 0 };
}

function main(): number {
  const report = auditReport(loadModels(), readSdkModelFacts(), findLegacyLinks(CATALOG_DIR), new Date());
  process.stdout.write(`${report.text}\n`);
  return report.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
