import { describe, expect, it } from 'vitest';
import { extractSignals } from '../../src/extract';
import { EXTRACTION_CUES, EXTRACTION_LITERALS } from '../../src/extract/extract';
import { CueGate } from '../../src/scan';
import { normalizeText } from '../../src/normalize';
import { everyText } from '../support/every-text';

/**
 * Extraction runs each of its regexes only when a literal the regex needs occurs in the paste (one
 * scan finds them all). A literal derived wrongly would silently drop a signal; here every text the
 * project holds is extracted with the prefilter and without it, and the two must agree exactly.
 */
describe('extraction prefilter (literal gate) against the plain path', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const texts = everyText();

  it('reads back from the start-up cache the same literals a fresh derivation finds', () => {
    // EXTRACTION_LITERALS come from node_modules/.cache once a run has kept them; a CueGate made here derives them again.
    expect(EXTRACTION_LITERALS).toEqual(new CueGate(EXTRACTION_CUES).literals);
    expect(EXTRACTION_LITERALS.length).toBeGreaterThan(100);
  });

  it('covers the texts it claims to', () => {
    expect(texts.length).toBeGreaterThan(3000);
  });

  it('extracts the same signals, focus and blanked spans from every text', () => {
    const differ: string[] = [];
    for (const { key, text } of texts) {
      const n = normalizeText(text);
      const gated = extractSignals(n.flat, now, n.lower);
      const plain = extractSignals(n.flat, now, n.lower, { gated: false });
      if (JSON.stringify(gated) !== JSON.stringify(plain)) differ.push(key);
      // The raw text too: the gate must hold on text that normalization did not clean.
      if (JSON.stringify(extractSignals(text, now)) !== JSON.stringify(extractSignals(text, now, text.toLowerCase(), { gated: false }))) differ.push(`${key} (raw)`);
    }
    expect(differ).toEqual([]);
  });
});
