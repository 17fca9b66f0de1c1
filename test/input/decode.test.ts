import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { decodeText } from '../../src/input';
import { looksBinary } from '../../src/normalize/normalize';

const ERROR = "Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'Rate limit für Jürgen – bitte warten'}}\r\n";
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
/** cp1252 bytes of a text whose only non-Latin-1 character is the en dash (0x96). */
const cp1252 = (s: string) => Buffer.from([...s].map((c) => (c === '–' ? 0x96 : c.charCodeAt(0))));

/** The encodings matrix: what Windows, old editors and broken logs hand us, and what it must read as. */
describe('decoding files and streams', () => {
  it.each([
    ['UTF-8', Buffer.from(ERROR, 'utf8'), 'utf-8', false],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ERROR, 'utf8')]), 'utf-8', true],
    ['UTF-16LE with BOM (PowerShell 5 `>`)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ERROR, 'utf16le')]), 'utf-16le', true],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ERROR)]), 'utf-16be', true],
    ['UTF-16LE without BOM', Buffer.from(ERROR, 'utf16le'), 'utf-16le', false],
    ['UTF-16BE without BOM', utf16be(ERROR), 'utf-16be', false],
    ['cp1252 (umlauts and an en dash as single bytes)', cp1252(ERROR), 'windows-1252', false],
  ] as const)('%s', (_name, bytes, encoding, bom) => {
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.bom).toBe(bom);
    expect(decoded.text).toBe(ERROR);
    expect(looksBinary(decoded.text)).toBe(false);
  });

  it('keeps UTF-8 with a few bad bytes as text, reading the bad bytes as cp1252', () => {
    const utf8 = Buffer.from(ERROR, 'utf8');
    const damaged = Buffer.concat([utf8.subarray(0, 20), Buffer.from([0xff, 0x80, 0xc3]), utf8.subarray(20)]);
    const decoded = decodeText(damaged);
    expect(decoded.encoding).toBe('utf-8+windows-1252');
    expect(decoded.text).toContain('für Jürgen – bitte');
    expect(decoded.text).not.toContain('\ufffd');
    expect(looksBinary(decoded.text)).toBe(false);
  });

  it('reads a leading form feed (a printout, a page break) as text', () => {
    const decoded = decodeText(Buffer.from(`\f${ERROR}`));
    expect(looksBinary(decoded.text)).toBe(false);
    expect(looksBinary('\fError 429')).toBe(false);
  });

  it.each([
    ['NUL bytes (/dev/zero)', Buffer.alloc(4096)],
    ['a PNG', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(64, 1)])],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24))],
  ])('still calls %s binary', (_name, bytes) => {
    expect(looksBinary(decodeText(bytes).text)).toBe(true);
  });

  it('diagnoses every encoding of the same 429 as a rate limit', async () => {
    const doctor = createDoctor();
    const forms = [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ERROR, 'utf16le')]), Buffer.from(ERROR, 'utf16le'), utf16be(ERROR), cp1252(ERROR)];
    for (const bytes of forms) {
      const d = await doctor.diagnose({ platform: 'cli', text: decodeText(bytes).text });
      expect(d.category).toBe('rate_limit');
      expect(d.warnings).not.toContain('binary-input');
    }
  });
});
