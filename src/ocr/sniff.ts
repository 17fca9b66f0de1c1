import { formatBytes, MiB } from '../input/bytes';
import { ImageRejectedError } from '../ports/ocr';

/** The formats we read. A file's name and claimed MIME type are hints; the bytes decide. */
export const ACCEPTED_FORMATS = ['png', 'jpeg', 'webp', 'gif'] as const;
export type ImageFormat = (typeof ACCEPTED_FORMATS)[number];

export const DEFAULT_MAX_IMAGE_BYTES = 10 * MiB;

const ACCEPTED_TEXT = 'PNG, JPEG, WebP or GIF';

export interface SniffedImage {
  format: ImageFormat;
  mimeType: `image/${ImageFormat}`;
  bytes: number;
}

const startsWith = (data: Uint8Array, signature: readonly number[], offset = 0) =>
  data.length >= offset + signature.length && signature.every((b, i) => data[offset + i] === b);
const ascii = (data: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...data.subarray(from, Math.min(to, data.length)));

function acceptedFormat(data: Uint8Array): ImageFormat | null {
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return 'webp';
  if (ascii(data, 0, 6) === 'GIF87a' || ascii(data, 0, 6) === 'GIF89a') return 'gif';
  return null;
}

/** Names what a refused file looks like, so the user knows what we saw. */
export function describeUnsupported(data: Uint8Array): string {
  if (data.length === 0) return 'an empty file';
  if (ascii(data, 0, 5) === '%PDF-') return 'a PDF document';
  if (ascii(data, 4, 8) === 'ftyp') {
    const brand = ascii(data, 8, 12);
    if (/^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) return 'a HEIC/HEIF photo';
    if (/^avi[fs]$/.test(brand)) return 'an AVIF image';
    return 'a video (MP4/MOV)';
  }
  if (ascii(data, 0, 2) === 'BM') return 'a BMP image';
  if (startsWith(data, [0x49, 0x49, 0x2a, 0x00]) || startsWith(data, [0x4d, 0x4d, 0x00, 0x2a])) return 'a TIFF image';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive (or an Office document)';
  if (startsWith(data, [0x1f, 0x8b])) return 'a gzip archive';
  const head = ascii(data, 0, 512).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'an SVG drawing';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'an HTML page';
  const sample = data.subarray(0, 512);
  const printable = sample.filter((b) => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b !== 0x7f)).length;
  if (printable / sample.length > 0.95) return 'a text file';
  return 'a file of an unknown type';
}

/**
 * Checks a file by its magic bytes and size before any decoder sees it. Throws
 * `ImageRejectedError` with a message that names what was received and what is accepted.
 * `name` only decorates the message; it is user input, so it is shortened and never trusted.
 */
export function sniffImage(data: Uint8Array, maxBytes = DEFAULT_MAX_IMAGE_BYTES, name?: string): SniffedImage {
  const label = name ? `"${name.replace(/[\r\n`]/g, ' ').slice(0, 60)}"` : 'That file';
  const format = acceptedFormat(data);
  if (!format) {
    const text = describeUnsupported(data);
    const hint = text === 'a text file' ? ' Paste the text itself as a message instead.' : '';
    throw new ImageRejectedError(
      `${label} is ${text}, not a screenshot I can read. I accept ${ACCEPTED_TEXT} images up to ${formatBytes(maxBytes)}.${hint}`,
    );
  }
  if (data.length > maxBytes) {
    throw new ImageRejectedError(
      `${label} is a ${format.toUpperCase()} image of ${formatBytes(data.length)}; the limit is ${formatBytes(maxBytes)}. ` +
        'Crop the screenshot to the error or paste the text instead.',
    );
  }
  return { format, mimeType: `image/${format}`, bytes: data.length };
}
