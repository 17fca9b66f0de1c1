import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createTesseractReader, OcrUnavailableError } from '../../src/ocr';
import { englishLanguagePath } from '../../src/ocr/language-data';
import { prepareImage } from '../../src/ocr/prepare';
import { sniffImage } from '../../src/ocr/sniff';
import { TesseractEngine } from '../../src/ocr/tesseract-engine';
import { ImageRejectedError, silentLogger } from '../../src/ports';
import { renderScreenshot, SCREENSHOT_STYLES } from './render-screenshot';

const PASTE = `anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'Number of request tokens has exceeded your per-minute rate limit'}}`;
const input = (data: Buffer) => ({ data: new Uint8Array(data) });
const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'));

describe('tesseract reader on rendered screenshots', () => {
  const reader = createTesseractReader();
  afterAll(() => reader.close());

  it.each(SCREENSHOT_STYLES)('reads the status, error type and message of a %s screenshot', async (style) => {
    const result = await reader.read(input(await renderScreenshot(PASTE, style)));
    expect(result.text).toContain('429');
    // Underscores may come back as spaces: the normalizer rejoins them, the reader does not.
    expect(result.text).toMatch(/rate[ _]{1,2}limit[ _]{1,2}error/);
    expect(result.text).toMatch(/per-minute rate limit/);
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.lines?.some((l) => l.text.includes('429'))).toBe(true);
  });

  it('reads WebP and the first frame of an animated GIF', async () => {
    const png = await renderScreenshot(PASTE, 'light-terminal');
    const webp = await sharp(png).webp({ quality: 85 }).toBuffer();
    expect((await reader.read(input(webp))).text).toContain('429');
    const blank = await sharp({ create: { width: 1100, height: 150, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const frame = await sharp(png).resize({ width: 1100, height: 150, fit: 'cover', position: 'top' }).png().toBuffer();
    const gif = await sharp([frame, blank], { join: { animated: true } }).gif().toBuffer();
    expect((await reader.read(input(gif))).text).toContain('429');
  });

  it('leaves window buttons out of the text it returns', async () => {
    const result = await reader.read(input(await renderScreenshot(PASTE, 'dark-terminal')));
    const first = result.text.split('\n')[0]!;
    expect(first).toMatch(/run\.sh|RateLimitError/);
  });
});

describe('tesseract reader lifecycle', () => {
  it('starts no worker for a refused file, starts one on first use and reuses it', async () => {
    const reader = createTesseractReader();
    try {
      const error = await reader.read({ data: PDF, name: 'error.pdf' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImageRejectedError);
      expect((error as ImageRejectedError).userMessage).toMatch(/"error\.pdf" is a PDF document.*PNG, JPEG, WebP or GIF/);
      expect(reader.stats().workerStarts).toBe(0);
      const image = input(await renderScreenshot('Error code: 529 Overloaded', 'light-terminal'));
      await reader.read(image);
      await reader.read(image);
      expect(reader.stats().workerStarts).toBe(1);
    } finally {
      await reader.close();
    }
  });

  it('reads language data from the installed package and writes no cache file', async () => {
    expect(englishLanguagePath()).toContain(path.join('node_modules', '@tesseract.js-data', 'eng'));
    const before = readdirSync(process.cwd()).sort();
    const reader = createTesseractReader();
    try {
      await reader.read(input(await renderScreenshot('Error code: 401 invalid x-api-key', 'light-terminal')));
    } finally {
      await reader.close();
    }
    expect(readdirSync(process.cwd()).sort()).toEqual(before);
  });

  it('refuses extra screenshots while busy instead of queueing without bound', async () => {
    const reader = createTesseractReader({ maxWaiting: 1 });
    try {
      const image = input(await renderScreenshot(PASTE, 'light-terminal'));
      const reads = [reader.read(image), reader.read(image), reader.read(image)];
      const settled = await Promise.allSettled(reads);
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      const busy = (settled[2] as PromiseRejectedResult).reason as OcrUnavailableError;
      expect(busy).toMatchObject({ reason: 'busy' });
      expect(busy.userMessage).toMatch(/too many screenshots/);
    } finally {
      await reader.close();
    }
  });

  it('fails a read at once when its worker thread dies, instead of waiting for the deadline', async () => {
    const reader = createTesseractReader({ timeoutMs: 30_000 });
    const dense = input(await renderScreenshot(Array.from({ length: 40 }, () => PASTE).join('\n'), 'light-terminal', { width: 1280, height: 800 }));
    await reader.warmUp();
    const reading = reader.read(dense).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 300));
    const began = Date.now();
    await reader.close(); // terminates the thread mid-read, as a crash would
    const error = await reading;
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(OcrUnavailableError);
    // 'engine' when the thread died mid-read; 'closed' if closing won the race with the start.
    expect(['engine', 'closed']).toContain((error as OcrUnavailableError).reason);
  });

  it('refuses reads after close() with a polite reason', async () => {
    const reader = createTesseractReader();
    await reader.read(input(await renderScreenshot('Error code: 500', 'light-terminal')));
    await reader.close();
    await expect(reader.read(input(await renderScreenshot('Error code: 500', 'light-terminal')))).rejects.toMatchObject({ reason: 'closed' });
  });
});

describe('tesseract engine deadlines', () => {
  const prepared = async (text: string) => {
    const png = await renderScreenshot(text, 'light-terminal', { width: 1280, height: 800 });
    return (await prepareImage(png, sniffImage(png))).png;
  };

  it('fails a read that misses its deadline and replaces the stuck worker', async () => {
    const engine = new TesseractEngine({ langPath: englishLanguagePath(), startTimeoutMs: 30_000, logger: silentLogger });
    try {
      const dense = await prepared(Array.from({ length: 40 }, () => PASTE).join('\n'));
      await engine.warmUp();
      const began = Date.now();
      await expect(engine.recognize(dense, 100)).rejects.toMatchObject({ name: 'OcrUnavailableError', reason: 'timeout' });
      expect(Date.now() - began).toBeLessThan(2_000);
      const after = await engine.recognize(await prepared('Error code: 529 Overloaded'), 30_000);
      expect(after.paragraphs.flat().map((l) => l.text).join('\n')).toContain('529');
      expect(engine.starts).toBe(2);
    } finally {
      await engine.close();
    }
  });

  it('rejects instead of hanging when the language data cannot be loaded', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'ocr-no-data-'));
    const engine = new TesseractEngine({ langPath: empty, startTimeoutMs: 20_000, logger: silentLogger });
    try {
      const error = await engine.recognize(await prepared('Error code: 500'), 20_000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OcrUnavailableError);
      expect(error).toMatchObject({ reason: 'engine' });
    } finally {
      await engine.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
