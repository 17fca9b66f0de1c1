import { describe, expect, it } from 'vitest';
import { loadNamedPatterns } from '../../src/knowledge/patterns';

/** Named patterns (catalog/patterns.yaml) find the fragments they exist for and none of their look-alikes. */
describe.each([...loadNamedPatterns()].map(([name, p]) => [name, p] as const))('named pattern %s', (_name, p) => {
  const re = new RegExp(p.pattern, 'i');
  it.each(p.examples.match)('finds %s', (text) => expect(re.test(text)).toBe(true));
  if (p.examples.nomatch.length > 0) it.each(p.examples.nomatch)('does not find %s', (text) => expect(re.test(text)).toBe(false));
});
