/**
 * Developer tool: renders every dev-corpus paste as a screenshot in each style, diagnoses it through
 * the real doctor with the real OCR reader, and prints the category accuracy per style (the figures
 * in src/ocr/README.md come from here).
 *   npx tsx test/ocr/score-screenshots.ts [--style NAME]... [--id dev-001]... [--fail-only] [--show-text]
 *     [--target PX] [--normalise on|off] [--max-upscale N]   (try other preparation settings)
 */
import { createDoctor } from '../../src/doctor';
import { createTesseractReader } from '../../src/ocr';
import { loadCorpus, scoreCase } from '../support/corpus';
import { renderScreenshot, SCREENSHOT_STYLES, type ScreenshotStyle } from './render-screenshot';

const args = process.argv.slice(2);
const values = (flag: string) => args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]!] : []));
const styles = (values('--style').length ? values('--style') : [...SCREENSHOT_STYLES]) as ScreenshotStyle[];
const ids = new Set(values('--id'));
const failOnly = args.includes('--fail-only');
const showText = args.includes('--show-text');

const target = values('--target')[0];
const normalise = values('--normalise')[0];
const maxUpscale = values('--max-upscale')[0];
const reader = createTesseractReader({
  timeoutMs: 60_000,
  prepare: {
    ...(target ? { targetLineHeight: Number(target) } : {}),
    ...(normalise ? { normalise: normalise === 'on' } : {}),
    ...(maxUpscale ? { maxUpscale: Number(maxUpscale) } : {}),
  },
});
const doctor = createDoctor({ imageReader: reader, now: () => new Date('2026-11-25T12:00:00Z') });
const cases = loadCorpus().filter((c) => ids.size === 0 || ids.has(c.id));
const perStyle = new Map<ScreenshotStyle, { ok: number; total: number; ms: number }>();

for (const style of styles) {
  const tally = { ok: 0, total: 0, ms: 0 };
  perStyle.set(style, tally);
  for (const c of cases) {
    const image = await renderScreenshot(c.text, style);
    const began = performance.now();
    const d = await doctor.diagnose({ platform: 'test', text: '', images: [{ data: new Uint8Array(image) }] });
    tally.ms += performance.now() - began;
    const s = scoreCase(c, d);
    tally.total++;
    if (s.categoryOk) tally.ok++;
    if (failOnly && s.categoryOk) continue;
    const want = [c.expect.category, ...(c.expect.alt_categories ?? [])].join('|');
    console.log(`${s.categoryOk ? '✓' : '✗'} ${style} ${c.id} → ${s.got.category} (${s.got.entry ?? '-'} ${s.got.confidence.toFixed(2)})${s.categoryOk ? '' : ` want ${want}`}`);
    if (showText || !s.categoryOk) console.log(d.document.notes.map((n) => `    ${n.replace(/\n/g, '\n    ')}`).join('\n'));
  }
}

console.log('\nstyle            right / total   accuracy   mean s per image');
let ok = 0;
let total = 0;
for (const [style, t] of perStyle) {
  ok += t.ok;
  total += t.total;
  console.log(`${style.padEnd(16)} ${String(t.ok).padStart(5)} / ${String(t.total).padEnd(5)}   ${((100 * t.ok) / t.total).toFixed(1).padStart(6)} %   ${(t.ms / t.total / 1000).toFixed(2)}`);
}
console.log(`${'all'.padEnd(16)} ${String(ok).padStart(5)} / ${String(total).padEnd(5)}   ${((100 * ok) / total).toFixed(1).padStart(6)} %`);
await reader.close();
