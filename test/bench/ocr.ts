/**
 * OCR figures for `npm run bench`: seconds per 1280×800 screenshot after warm-up (target ≤ 2 s) and
 * the memory the worker adds. Screenshots are rendered here from dev-corpus pastes. Figures only.
 *   npx tsx test/bench/ocr.ts
 */
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { createTesseractReader } from '../../src/ocr';
import { renderScreenshot, type ScreenshotStyle } from '../ocr/render-screenshot';
import { loadCorpus } from '../support/corpus';

export interface OcrBench {
  screenshots: number;
  workerStartS: number;
  p50S: number;
  maxS: number;
  perStyle: Array<{ style: ScreenshotStyle; seconds: number }>;
  rssBeforeMb: number;
  rssWorkerMb: number;
  rssPeakMb: number;
}

const WIDTH = 1280;
const HEIGHT = 800;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** Crop or pad a rendered screenshot to exactly one 1280×800 screen. */
async function toScreen(image: Buffer): Promise<Buffer> {
  const meta = await sharp(image).metadata();
  const width = Math.min(WIDTH, meta.width ?? WIDTH);
  const height = Math.min(HEIGHT, meta.height ?? HEIGHT);
  const { data } = await sharp(image).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
  const background = { r: data[0]!, g: data[1]!, b: data[2]! };
  return sharp(image)
    .extract({ left: 0, top: 0, width, height })
    .extend({ right: WIDTH - width, bottom: HEIGHT - height, background })
    .png()
    .toBuffer();
}

async function screens(): Promise<Array<{ style: ScreenshotStyle; image: Buffer }>> {
  const pastes = loadCorpus().map((c) => c.text);
  // Enough pastes to fill a whole terminal screen: the slowest realistic case.
  const screenful = pastes.slice(0, 12).join('\n\n');
  const styles: ScreenshotStyle[] = ['dark-terminal', 'light-terminal', 'error-card', 'toast', 'lossy-jpeg'];
  const out: Array<{ style: ScreenshotStyle; image: Buffer }> = [];
  for (const [i, style] of styles.entries()) {
    const text = style === 'toast' ? pastes[i]! : style === 'error-card' ? pastes.slice(20, 23).join('\n\n') : screenful;
    const rendered = await renderScreenshot(text, style, { width: WIDTH, height: HEIGHT });
    out.push({ style, image: style === 'lossy-jpeg' ? rendered : await toScreen(rendered) });
  }
  return out;
}

export async function benchOcr(rounds = 3): Promise<OcrBench> {
  const images = await screens();
  const rssBefore = process.memoryUsage().rss;
  const reader = createTesseractReader({ timeoutMs: 60_000 });
  try {
    const t0 = performance.now();
    await reader.warmUp();
    const workerStartS = (performance.now() - t0) / 1000;
    await reader.read({ data: new Uint8Array(images[0]!.image) }); // first read also pays one-time wasm compilation
    let peak = process.memoryUsage().rss;
    const times: number[] = [];
    const byStyle = new Map<ScreenshotStyle, number[]>();
    for (let r = 0; r < rounds; r++) {
      for (const { style, image } of images) {
        const began = performance.now();
        await reader.read({ data: new Uint8Array(image) });
        const seconds = (performance.now() - began) / 1000;
        times.push(seconds);
        byStyle.set(style, [...(byStyle.get(style) ?? []), seconds]);
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    }
    times.sort((a, b) => a - b);
    return {
      screenshots: times.length,
      workerStartS,
      p50S: times[Math.floor(times.length / 2)]!,
      maxS: times[times.length - 1]!,
      perStyle: [...byStyle].map(([style, s]) => ({ style, seconds: s.reduce((a, b) => a + b, 0) / s.length })),
      rssBeforeMb: mb(rssBefore),
      rssWorkerMb: mb(peak - rssBefore),
      rssPeakMb: mb(peak),
    };
  } finally {
    await reader.close();
  }
}

export function printOcrBench(b: OcrBench): void {
  const f = (n: number, d = 2) => n.toFixed(d);
  console.log(`OCR (1280×800 screenshots, one worker, after warm-up; ${b.screenshots} reads)`);
  console.log(`  worker start      ${f(b.workerStartS)} s`);
  console.log(`  p50 per image     ${f(b.p50S)} s   (target ≤ 2 s)`);
  console.log(`  max per image     ${f(b.maxS)} s`);
  for (const s of b.perStyle) console.log(`    ${s.style.padEnd(15)} ${f(s.seconds)} s`);
  console.log(`  RSS before OCR    ${f(b.rssBeforeMb, 1)} MB`);
  console.log(`  RSS added (peak)  ${f(b.rssWorkerMb, 1)} MB   (worker thread, wasm heap, language data, image buffers)`);
  console.log(`  RSS peak          ${f(b.rssPeakMb, 1)} MB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printOcrBench(await benchOcr());
}
