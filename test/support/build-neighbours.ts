/**
 * `npm run neighbours:build`: writes catalog/neighbours.jsonl, the second opinion's copy of the
 * labelled pastes in test/fixtures/ (runtime code never reads test/). Run it after a labelled set
 * changes, or after normalization or extraction changes what the rules read;
 * test/neighbours/sync.test.ts fails until then.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWLEDGE_DIR } from '../../src/knowledge/read';
import { NEIGHBOURS_FILE } from '../../src/neighbours';
import { neighbourRows } from './neighbour-rows';

const rows = await neighbourRows();
const path = join(KNOWLEDGE_DIR, NEIGHBOURS_FILE);
writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const sets = new Set(rows.map((r) => r.set));
console.log(`wrote ${path}: ${rows.length} labelled pastes from ${sets.size} sets, ${rows.filter((r) => r.entry === null).length} without an entry`);
