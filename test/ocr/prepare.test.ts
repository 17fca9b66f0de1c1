import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { backgroundLevel, medianTextLineHeight } from '../../src/ocr/layout';
import { DEFAULT_PREPARE_OPTIONS, prepareImage } from '../../src/ocr/prepare';
import { sniffImage } from '../../src/ocr/sniff';
import { ImageRejectedError } from '../../src/ports';
import { renderScreenshot } from './render-screenshot';

const PASTE = `anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'Number of request tokens has exceeded your per-minute rate limit'}}`;

const prepare = (data: Buffer, options = DEFAULT_PREPARE_OPTIONS) => prepareImage(data, sniffImage(data), options);

async function grayOf(png: Buffer) {
  const { data, info } = await sharp(png).grayscale().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

describe('screenshot preparation', () => {
  it('turns a dark terminal into dark text on a light background, and leaves a light one as it is', async () => {
    const dark = await prepare(await renderScreenshot(PASTE, 'dark-terminal'));
    expect(dark.steps.inverted).toBe(true);
    expect(backgroundLevel(await grayOf(dark.png))).toBeGreaterThan(200);
    const light = await prepare(await renderScreenshot(PASTE, 'light-terminal'));
    expect(light.steps.inverted).toBe(false);
    expect(backgroundLevel(await grayOf(light.png))).toBeGreaterThan(200);
  });

  it('finds the text line height and enlarges small text towards the target', async () => {
    const full = await renderScreenshot(PASTE, 'light-terminal');
    const meta = await sharp(full).metadata();
    const half = await sharp(full).resize({ width: Math.round(meta.width! / 2) }).png().toBuffer();
    const small = await prepare(half);
    expect(small.steps.lineHeight).toBeGreaterThanOrEqual(5);
    expect(small.steps.lineHeight).toBeLessThanOrEqual(9);
    expect(small.steps.scale).toBeGreaterThan(2.5);
    expect(small.width).toBe(Math.round((meta.width! / 2) * small.steps.scale));
  });

  it('does not enlarge text that is already large, and shrinks huge images under the pixel budget', async () => {
    const big = await renderScreenshot(PASTE, 'light-terminal');
    const large = await sharp(big).resize({ width: 3300 }).png().toBuffer();
    const prepared = await prepare(large);
    expect(prepared.steps.lineHeight).toBeGreaterThan(DEFAULT_PREPARE_OPTIONS.targetLineHeight);
    expect(prepared.steps.scale).toBeLessThanOrEqual(1);
    expect(prepared.width * prepared.height).toBeLessThanOrEqual(DEFAULT_PREPARE_OPTIONS.maxOutputPixels * 1.01);
  });

  it('reads WebP and only the first frame of an animated GIF', async () => {
    const png = await renderScreenshot(PASTE, 'light-terminal');
    const webp = await sharp(png).webp({ quality: 80 }).toBuffer();
    expect((await prepare(webp)).steps.lineHeight).not.toBeNull();
    const black = await sharp({ create: { width: 1100, height: 200, channels: 3, background: '#000000' } }).png().toBuffer();
    const frame = await sharp(png).resize({ width: 1100, height: 200, fit: 'cover', position: 'top' }).png().toBuffer();
    const gif = await sharp([frame, black], { join: { animated: true } }).gif().toBuffer();
    const prepared = await prepare(gif);
    expect(prepared.steps.inverted).toBe(false); // the black second frame was not read
    expect(prepared.height).toBe(Math.round(200 * prepared.steps.scale));
  });

  it('refuses a file that only looks like an image, with a message for the user', async () => {
    const garbage = Buffer.alloc(4096, 0x5a);
    for (const [signature, label] of [[[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG'], [[0xff, 0xd8, 0xff, 0xe0], 'JPEG']] as const) {
      const fake = Buffer.concat([Buffer.from(signature), garbage]);
      const error = await prepare(fake).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImageRejectedError);
      expect((error as ImageRejectedError).userMessage).toMatch(new RegExp(`${label} file is damaged or incomplete.*paste the error text`, 'i'));
    }
  });

  it('reads what is there of a cut-off download instead of refusing it', async () => {
    const jpeg = await sharp(await renderScreenshot(PASTE, 'light-terminal')).jpeg().toBuffer();
    const prepared = await prepare(jpeg.subarray(0, Math.round(jpeg.length * 0.8)));
    expect(prepared.width).toBeGreaterThan(0);
  });

  it('refuses an image with too many pixels before decoding it', async () => {
    const huge = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const error = await prepare(huge, { ...DEFAULT_PREPARE_OPTIONS, maxInputPixels: 1_000_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageRejectedError);
    expect((error as ImageRejectedError).userMessage).toMatch(/too large in pixels: 2000×1000 .*Crop it to the error/);
  });

  it('calls a valid 20000×20000 PNG too large in pixels, not damaged (sharp alone refuses its header)', async () => {
    const error = await prepare(whitePng(20_000, 20_000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageRejectedError);
    const message = (error as ImageRejectedError).userMessage;
    expect(message).toMatch(/too large in pixels: 20000×20000 \(400 megapixels\); I read screenshots up to 40 megapixels/);
    expect(message).not.toMatch(/damaged/);
  });
});

/** A valid 1-bit white PNG of any size, written by hand: sharp would refuse to encode one this large. */
function whitePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, no filter method, no interlace
  const rowBytes = 1 + Math.ceil(width / 8);
  const raw = Buffer.alloc(rowBytes * height, 0xff);
  for (let y = 0; y < height; y++) raw[y * rowBytes] = 0; // filter type: none
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe('layout measurements', () => {
  const raster = (width: number, height: number, fill: (x: number, y: number) => number) => {
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = fill(x, y);
    return { data, width, height };
  };

  it('reads the background level as the median, whatever the widgets', () => {
    expect(backgroundLevel(raster(100, 10, (x) => (x < 30 ? 255 : 20)))).toBe(20);
  });

  it('measures bands of striped rows as text lines and ignores solid panels', () => {
    // Two 10-row "text" bands of alternating columns, one solid dark panel, white elsewhere.
    const img = raster(200, 100, (x, y) => {
      if ((y >= 10 && y < 20) || (y >= 40 && y < 50)) return x % 4 < 2 ? 0 : 255;
      if (y >= 70 && y < 90) return 30;
      return 255;
    });
    expect(medianTextLineHeight(img)).toBe(10);
    expect(medianTextLineHeight(raster(50, 50, () => 255))).toBeNull();
  });
});
