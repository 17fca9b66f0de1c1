import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/spawn';

/** Files of src/ other than the composition root (src/main.ts). */
function coreFiles(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return coreFiles(path);
    return path.endsWith('.ts') && relative(ROOT, path) !== 'src/main.ts' ? [path] : [];
  });
}

const CHAT_SDK = /from\s+['"](?:discord\.js|@discordjs\/[^'"]+|@slack\/[^'"]+)['"]|import\(\s*['"](?:discord\.js|@slack\/)/;
const ADAPTERS = /from\s+['"](?:\.\.\/)+adapters\//;

describe('core/adapter boundary', () => {
  const files = coreFiles();

  it('finds the core files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s imports no chat SDK and no adapter', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(CHAT_SDK);
    expect(source).not.toMatch(ADAPTERS);
  });

  it('the check itself catches an offending import', () => {
    expect(`import { Client } from 'discord.js';`).toMatch(CHAT_SDK);
    expect(`import { App } from '@slack/bolt';`).toMatch(CHAT_SDK);
    expect(`import { createSlackAdapter } from '../../adapters/slack';`).toMatch(ADAPTERS);
  });
});
