import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_IMAGE_BYTES, sniffImage } from '../../src/ocr';
import { ImageRejectedError } from '../../src/ports';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const padded = (head: Uint8Array, size = 64) => {
  const out = new Uint8Array(size);
  out.set(head);
  return out;
};

const rejection = (data: Uint8Array, max?: number, name?: string): ImageRejectedError => {
  try {
    sniffImage(data, max, name);
  } catch (error) {
    if (error instanceof ImageRejectedError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
};

describe('sniffImage: the bytes decide, not the name', () => {
  it.each([
    ['png', bytes([0x89], 'PNG\r\n\x1a\n')],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['gif', bytes('GIF89a')],
    ['gif', bytes('GIF87a')],
  ])('accepts %s', (format, head) => {
    expect(sniffImage(padded(head), DEFAULT_MAX_IMAGE_BYTES, 'x.bin')).toMatchObject({ format, mimeType: `image/${format}` });
  });

  it.each([
    ['a PDF document', bytes('%PDF-1.7\n')],
    ['a HEIC/HEIF photo', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['an AVIF image', bytes([0, 0, 0, 0x1c], 'ftypavif')],
    ['a BMP image', bytes('BM', [0, 0, 0, 0])],
    ['a TIFF image', bytes([0x49, 0x49, 0x2a, 0x00])],
    ['an SVG drawing', bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ['a text file', bytes('anthropic.RateLimitError: Error code: 429')],
    ['a ZIP archive', bytes([0x50, 0x4b, 0x03, 0x04])],
    ['an empty file', new Uint8Array(0)],
  ])('refuses %s and says what it accepts', (what, data) => {
    const error = rejection(data);
    expect(error.userMessage).toContain(what);
    expect(error.userMessage).toMatch(/PNG, JPEG, WebP or GIF images up to 10 MiB/);
  });

  it('tells a user who attached a text file to paste the text', () => {
    expect(rejection(bytes('Error code: 529 Overloaded')).userMessage).toMatch(/paste the text itself/i);
  });

  it('refuses an image over the size limit, naming its size and the limit', () => {
    const big = new Uint8Array(DEFAULT_MAX_IMAGE_BYTES + 1);
    big.set(bytes([0xff, 0xd8, 0xff, 0xe0]));
    const error = rejection(big);
    expect(error.userMessage).toMatch(/JPEG image of 10\.0 MiB; the limit is 10 MiB/);
    expect(rejection(padded(bytes('GIF89a'), 2048), 1024).userMessage).toMatch(/GIF image of 2 KiB; the limit is 1 KiB/);
  });

  it('quotes the file name but cannot be used to break the message', () => {
    const error = rejection(bytes('%PDF-1.4'), undefined, 'report\n```\n@channel.pdf');
    expect(error.userMessage.startsWith('"report')).toBe(true);
    expect(error.userMessage).not.toContain('\n');
    expect(error.userMessage).not.toContain('```');
  });
});
