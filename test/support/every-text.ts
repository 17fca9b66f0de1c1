import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../src/catalog';
import { HOSTILE } from './hostile';
import { SECRET_FORMS } from './secret-forms';
import { shippedTexts } from './shipped-texts';

const dir = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));

/** The `text` of every line of every .jsonl file in a test directory. */
function jsonlTexts(name: string): { key: string; text: string }[] {
  return readdirSync(dir(name))
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(`${dir(name)}/${f}`, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .flatMap((l, i) => {
          const text = (JSON.parse(l) as { text?: unknown }).text;
          return typeof text === 'string' ? [{ key: `${name}/${f}/${i}`, text }] : [];
        }),
    );
}

/**
 * Every text the project holds, for differential tests of a shortcut against the plain path: the
 * shipped texts (catalogue examples and look-alikes, labelled sets, documented errors), every
 * test/fixtures and test/heldout paste, the secret forms and the hostile pastes.
 */
export function everyText(): { key: string; text: string }[] {
  return [
    ...shippedTexts(loadCatalog()).map(({ key, text }) => ({ key, text })),
    ...jsonlTexts('fixtures'),
    ...jsonlTexts('heldout'),
    ...SECRET_FORMS.map((f) => ({ key: `secret/${f.name}`, text: f.text })),
    ...Object.entries(HOSTILE).map(([name, text]) => ({ key: `hostile/${name}`, text })),
  ];
}
