import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What the installed official SDK (`@anthropic-ai/sdk`) ships about models. */
export interface SdkModelFacts {
  version: string;
  /** The package folder the facts were read from. */
  dir: string;
  /** The string literals of its `Model` type (resources/messages/messages.d.ts). */
  models: string[];
  /** Its deprecated-models data: id → end-of-life day (YYYY-MM-DD), as the client warns with it. */
  deprecated: Record<string, string>;
}

const require = createRequire(import.meta.url);

/** "January 22nd, 2027" (the SDK's wording) → "2027-01-22". */
export function sdkDate(text: string): string {
  const parsed = Date.parse(`${text.replace(/(\d)(st|nd|rd|th)\b/, '$1')} UTC`);
  if (Number.isNaN(parsed)) throw new Error(`unreadable SDK date: ${text}`);
  return new Date(parsed).toISOString().slice(0, 10);
}

/**
 * Reads the model list and the deprecation data of the SDK in node_modules. These are the files the
 * SDK itself uses (the `Model` type and the table behind its "deprecated model" warning), so a
 * lockfile bump that brings new models shows up here before anyone edits catalog/models.yaml.
 */
export function readSdkModelFacts(): SdkModelFacts {
  const dir = dirname(require.resolve('@anthropic-ai/sdk'));
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const types = readFileSync(join(dir, 'resources', 'messages', 'messages.d.ts'), 'utf8');
  const union = /export type Model = ([^;]+);/.exec(types)?.[1];
  if (!union) throw new Error(`no Model type in ${join(dir, 'resources/messages/messages.d.ts')}`);
  const models = [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  // The package's exports map hides internal/; an absolute path reads the file the client uses.
  const table = (require(join(dir, 'internal', 'data', 'deprecated-models.js')) as { DEPRECATED_MODELS: Record<string, string> }).DEPRECATED_MODELS;
  const deprecated = Object.fromEntries(Object.entries(table).map(([id, day]) => [id, sdkDate(day)]));
  return { version, dir, models, deprecated };
}
