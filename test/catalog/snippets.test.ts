import { describe, expect, it } from 'vitest';
import { CATALOG_DIR, loadCatalog } from '../../src/catalog';
import { loadModels } from '../../src/models';
import { findLegacyLinks } from '../../src/models/audit';
import { pickSnippet } from '../../src/render/snippet';

/**
 * The snippets a reply shows run on today's SDKs and name today's models: no retired or deprecated
 * model id (catalog/models.yaml), no sampling parameter the 1.x SDKs removed, no beta flag for an
 * API that is GA, no link to a legacy host, every non-curl command under the curl key labelled for
 * what it is, and the user's own values as placeholders the reply fills in.
 */
const catalog = loadCatalog();
const models = loadModels();
const snippets = catalog.flatMap((e) =>
  Object.entries(e.snippets).flatMap(([key, v]) => (v === undefined ? [] : [{
    where: `${e.id}.${key}`,
    key,
    code: typeof v === 'string' ? v : v.code,
    label: typeof v === 'string' ? undefined : v.label,
  }])),
);

/** Ids the API no longer serves, or soon will not: retired, and current-but-deprecated (with aliases). */
const outdated = new Set([
  ...models.retired.flatMap((r) => r.ids),
  ...models.current.filter((m) => m.status === 'deprecated').flatMap((m) => [m.id, ...m.aliases]),
]);
const active = new Set(models.current.filter((m) => m.status === 'active').map((m) => m.id));

/** Every Claude model id a snippet names, without a platform's prefix (`us.anthropic.`) or version suffix (`-v1:0`, `@20250929`). */
const modelIds = (code: string): string[] =>
  [...code.matchAll(/(?<![\w-])claude-[a-z0-9.-]*[a-z0-9]/g)].map((m) => m[0].replace(/-v\d+$/, ''));

/** Code without comments, so a comment may still say what was removed. */
const withoutComments = (code: string, key: string): string =>
  key === 'typescript' ? code.replace(/(^|\s)\/\/.*$/gm, '$1') : code.replace(/(^|\s)#.*$/gm, '$1');

const PLACEHOLDER = /\{\{([^}]*)\}\}/g;

describe('snippets run on today’s SDKs', () => {
  it('reads every snippet', () => {
    expect(snippets.length).toBeGreaterThan(500);
  });

  it('names no retired or deprecated model id', () => {
    const found = snippets.flatMap((s) => modelIds(s.code).filter((id) => outdated.has(id)).map((id) => `${s.where}: ${id}`));
    expect(found).toEqual([]);
    expect(modelIds('model="us.anthropic.claude-sonnet-4-5-20250929-v1:0"')).toEqual(['claude-sonnet-4-5-20250929']);
  });

  it('sends no sampling parameter the 1.x SDKs removed (temperature, top_p, top_k) in Python or TypeScript', () => {
    const sampling = /\b(?:temperature|top_p|top_k)\b\s*[=:]/;
    const found = snippets.filter((s) => (s.key === 'python' || s.key === 'typescript') && sampling.test(withoutComments(s.code, s.key))).map((s) => s.where);
    expect(found).toEqual([]);
    expect(sampling.test(withoutComments('client.messages.create(temperature=0.3)', 'python'))).toBe(true);
    expect(sampling.test(withoutComments('# temperature=0.2  # TypeError on 1.x', 'python'))).toBe(false);
  });

  it('uses the Files API as GA, without its old beta flag', () => {
    const found = snippets.filter((s) => /files-api-2025-04-14|\bbeta\.files\b/.test(s.code)).map((s) => s.where);
    expect(found).toEqual([]);
  });

  it('links no legacy host anywhere in catalog/ outside example pastes', () => {
    const own = findLegacyLinks(CATALOG_DIR).filter((l) => !l.inExample).map((l) => `${l.file} ${l.field} ${l.url}`);
    expect(own).toEqual([]);
  });
});

describe('snippets say what they are and carry the user’s own values', () => {
  it('labels a curl-key snippet whose commands are not curl', () => {
    const unlabelled = snippets.filter((s) => s.key === 'curl' && s.label === undefined);
    const notCurl = unlabelled.flatMap((s) => {
      const lines = s.code.split('\n');
      return lines
        .filter((line, i) => line.trim() !== '' && !/^\s*#/.test(line) && !/\\\s*$/.test(lines[i - 1] ?? '') && !/^\s/.test(line))
        .filter((line) => !/^curl\b/.test(line))
        .map((line) => `${s.where}: ${line}`);
    });
    expect(notCurl).toEqual([]);
  });

  it('writes only the placeholders the reply fills in, each with a default', () => {
    const bad = snippets.flatMap((s) =>
      [...s.code.matchAll(PLACEHOLDER)].filter((m) => !/^(?:model|max_tokens|region)\|[^|{}]+$/.test(m[1]!)).map((m) => `${s.where}: ${m[0]}`),
    );
    expect(bad).toEqual([]);
  });

  it('defaults a model placeholder to an active model (a Bedrock id to one the platform still serves)', () => {
    // Bedrock's InvokeModel / Converse ids cover Opus 4.6 and earlier, so there a legacy model is the newest one.
    const ok = (id: string) => (/^(?:[a-z]{2,6}\.)?anthropic\./.test(id) ? !modelIds(id).some((x) => outdated.has(x)) : active.has(id));
    const bad = snippets.flatMap((s) => [...s.code.matchAll(/\{\{model\|([^}]+)\}\}/g)].filter((m) => !ok(m[1]!)).map((m) => `${s.where}: ${m[1]}`));
    expect(bad).toEqual([]);
  });

  it('puts the model of every Messages API call in a placeholder', () => {
    // A call that sends a first-party model id the paste could have named: `model="claude-…"`, `model: 'claude-…'`, "model":"claude-…".
    const literal = /\bmodel["']?\s*[=:]\s*["']claude-/;
    const found = snippets.filter((s) => ['python', 'typescript', 'curl'].includes(s.key) && literal.test(s.code)).map((s) => s.where);
    expect(found).toEqual([]);
  });

  it('shows each placeholder’s default in a reply when nothing fills it', () => {
    const entry = catalog.find((e) => e.id === 'rate-limit')!;
    const code = pickSnippet(entry, 'python')!.code;
    expect(code).toContain('model="claude-sonnet-5-5"');
    expect(code).not.toContain('{{');
  });
});
