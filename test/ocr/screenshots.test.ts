import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../src/contracts';
import { createDoctor } from '../../src/doctor';
import { CONFIDENT } from '../../src/match';
import { createTesseractReader } from '../../src/ocr';
import { type CorpusCase, loadCorpus } from '../support/corpus';
import { renderScreenshot, SCREENSHOT_STYLES, type ScreenshotStyle } from './render-screenshot';

/**
 * Issue 6 acceptance: screenshots of real pastes (test/fixtures/dev-corpus.jsonl, copied from the
 * shared dev corpus), rendered here in five styles, go through the real doctor with the real OCR
 * reader. Every third paste is taken, styles rotating, so the sample spans the taxonomy and every
 * style gets about as many images; `test/ocr/score-screenshots.ts` scores all 72 × 5.
 */
const SAMPLE: Array<{ c: CorpusCase; style: ScreenshotStyle }> = loadCorpus()
  .filter((_, i) => i % 3 === 0)
  .map((c, i) => ({ c, style: SCREENSHOT_STYLES[i % SCREENSHOT_STYLES.length]! }));

const PLAIN_CODE = `import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic();

export async function summarize(text: string): Promise<string> {
  const message = await client.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    messages: [{ role: "user", content: \`Summarize:\\n\\n\${text}\` }],
  });
  return message.content[0].type === "text" ? message.content[0].text : "";
}`;

/** Deterministic pseudo-random bytes, so a failure can be reproduced. */
function noise(width: number, height: number, seed = 7): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    data[i] = s >> 23;
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** A picture without text: sky gradient, sun, hills. */
function landscape(): Buffer {
  const canvas = createCanvas(800, 500);
  const ctx = canvas.getContext('2d');
  const sky = ctx.createLinearGradient(0, 0, 0, 500);
  sky.addColorStop(0, '#4a90d9');
  sky.addColorStop(1, '#d8ecff');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, 800, 500);
  ctx.fillStyle = '#ffd75e';
  ctx.beginPath();
  ctx.arc(620, 110, 55, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#3f8f4f';
  ctx.beginPath();
  ctx.moveTo(0, 500);
  ctx.quadraticCurveTo(250, 250, 520, 420);
  ctx.quadraticCurveTo(680, 330, 800, 380);
  ctx.lineTo(800, 500);
  ctx.fill();
  return canvas.toBuffer('image/png');
}

const image = (data: Buffer) => ({ data: new Uint8Array(data) });
const accepted = (c: CorpusCase) => [c.expect.category, ...(c.expect.alt_categories ?? [])];

describe('screenshots of real pastes are diagnosed like the pasted text', () => {
  const reader = createTesseractReader();
  const doctor = createDoctor({ imageReader: reader, now: () => new Date('2026-11-25T12:00:00Z') });
  afterAll(() => reader.close());

  it(`finds the right category for at least 85 % of ${SAMPLE.length} screenshots in ${SCREENSHOT_STYLES.length} styles`, async () => {
    const wrong: string[] = [];
    for (const { c, style } of SAMPLE) {
      const d = await doctor.diagnose({ platform: 'test', text: '', images: [image(await renderScreenshot(c.text, style))] });
      if (!accepted(c).includes(d.category)) wrong.push(`${c.id} as ${style}: got ${d.category}, want ${accepted(c).join(' | ')}`);
      // The reply always quotes what was read, so a misread can be spotted.
      expect(d.document.notes.some((n) => n.startsWith('Read from your screenshot:')), c.id).toBe(true);
    }
    const rate = (SAMPLE.length - wrong.length) / SAMPLE.length;
    expect(rate, `wrong:\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(0.85);
  }, 90_000);

  it('diagnoses text and a screenshot in one message together', async () => {
    const screenshot = await renderScreenshot("Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'Number of request tokens has exceeded your per-minute rate limit'}}", 'dark-terminal');
    const d = await doctor.diagnose({ platform: 'test', text: 'my python script keeps failing with this', images: [image(screenshot)] });
    expect(d.category).toBe('rate_limit');
    expect(d.status).toBe(429);
    expect(d.reply).toContain('Read from your screenshot:');
  });

  const noAnswer = (d: Diagnosis) => {
    expect(['unknown', 'out_of_scope']).toContain(d.category);
    expect(d.source === 'rules' && d.confidence >= CONFIDENT).toBe(false);
  };

  it.each([
    ['random noise', () => noise(640, 400)],
    ['a landscape picture', async () => landscape()],
    ['a blank screenshot', () => sharp({ create: { width: 1280, height: 800, channels: 3, background: '#1e1e1e' } }).png().toBuffer()],
  ])('says plainly that %s holds no readable error and asks for the text', async (_, make) => {
    const d = await doctor.diagnose({ platform: 'test', text: '', images: [image(await make())] });
    noAnswer(d);
    expect(d.reply).toMatch(/paste the error as text|did not find|not recogni[sz]e|could not find/i);
  });

  it('gives no confident answer for a screenshot of plain code without an error', async () => {
    const d = await doctor.diagnose({ platform: 'test', text: '', images: [image(await renderScreenshot(PLAIN_CODE, 'dark-terminal'))] });
    noAnswer(d);
    expect(d.reply).toContain('Read from your screenshot:');
  });

  it('refuses a PDF attachment with a clear message and still answers the text', async () => {
    const pdf = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'));
    const d = await doctor.diagnose({ platform: 'test', text: 'Error code: 529 - overloaded_error', images: [{ data: pdf, name: 'log.pdf' }] });
    expect(d.warnings).toContain('image-rejected');
    expect(d.reply).toMatch(/"log\.pdf" is a PDF document.*PNG, JPEG, WebP or GIF/);
    expect(d.category).toBe('overloaded');
  });
});
