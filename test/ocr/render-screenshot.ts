import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';

/**
 * Renders pasted text as the screenshots people actually send: terminals, a desktop client's red
 * error card, a toast, a lossy JPEG. Fonts come from npm packages, never the system, so CI without
 * fonts renders the same pixels.
 */
export const SCREENSHOT_STYLES = ['dark-terminal', 'light-terminal', 'error-card', 'toast', 'lossy-jpeg'] as const;
export type ScreenshotStyle = (typeof SCREENSHOT_STYLES)[number];

const require = createRequire(import.meta.url);
const dejavuDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const interDir = path.join(path.dirname(require.resolve('@fontsource/inter/package.json')), 'files');

let fontsRegistered = false;
function registerFonts(): void {
  if (fontsRegistered) return;
  const fonts: Array<[string, string]> = [
    [path.join(dejavuDir, 'DejaVuSansMono.ttf'), 'Doctor Mono'],
    [path.join(dejavuDir, 'DejaVuSans.ttf'), 'Doctor Sans Fallback'],
    [path.join(interDir, 'inter-latin-400-normal.woff'), 'Doctor Inter'],
    [path.join(interDir, 'inter-latin-700-normal.woff'), 'Doctor Inter'],
  ];
  for (const [file, alias] of fonts) {
    if (!GlobalFonts.registerFromPath(file, alias)) throw new Error(`could not register font ${file}`);
  }
  fontsRegistered = true;
}

const MONO = '"Doctor Mono", "Doctor Sans Fallback"';
const SANS = '"Doctor Inter", "Doctor Sans Fallback"';

/** Hard wrap at a column, as a terminal does: words are cut wherever the line ends. */
export function wrapColumns(text: string, columns: number): string[] {
  const out: string[] = [];
  for (const line of text.replace(/\t/g, '    ').split('\n')) {
    const chars = Array.from(line);
    if (chars.length === 0) out.push('');
    for (let i = 0; i < chars.length; i += columns) out.push(chars.slice(i, i + columns).join(''));
  }
  return out;
}

/** Word wrap by measured width, as a GUI text box does; over-long tokens (JSON) are cut. */
function wrapWords(ctx: SKRSContext2D, text: string, maxWidth: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/(?<=\s)/)) {
      const candidate = line + word;
      if (ctx.measureText(candidate.trimEnd()).width <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) out.push(line.trimEnd());
      line = word;
      while (ctx.measureText(line.trimEnd()).width > maxWidth) {
        let cut = line.length - 1;
        while (cut > 1 && ctx.measureText(line.slice(0, cut)).width > maxWidth) cut--;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

interface TerminalTheme {
  background: string;
  foreground: string;
  prompt: string;
  chrome: string;
}
const DARK: TerminalTheme = { background: '#0d1117', foreground: '#d0d7de', prompt: '#7ee787', chrome: '#1f242b' };
const LIGHT: TerminalTheme = { background: '#ffffff', foreground: '#1f2328', prompt: '#116329', chrome: '#e6e8eb' };

/** `height` fixes the window size; the terminal then shows the last lines that fit, as scrolled. */
function renderTerminal(text: string, theme: TerminalTheme, width: number, fixedHeight?: number): Buffer {
  const fontSize = 14;
  const lineHeight = 19;
  const pad = 14;
  const titleBar = 28;
  const probe = createCanvas(10, 10).getContext('2d');
  probe.font = `${fontSize}px ${MONO}`;
  const columns = Math.floor((width - 2 * pad) / probe.measureText('M').width);
  let lines = ['$ ./run.sh', ...wrapColumns(text, columns), '$ '];
  if (fixedHeight) lines = lines.slice(-Math.floor((fixedHeight - titleBar - 2 * pad) / lineHeight));
  const height = fixedHeight ?? titleBar + 2 * pad + lines.length * lineHeight;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = theme.chrome;
  ctx.fillRect(0, 0, width, titleBar);
  ['#ff5f57', '#febc2e', '#28c840'].forEach((color, i) => {
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(16 + i * 20, titleBar / 2, 6, 0, Math.PI * 2);
    ctx.fill();
  });
  ctx.font = `${fontSize}px ${MONO}`;
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => {
    const isPrompt = i === 0 || i === lines.length - 1;
    ctx.fillStyle = isPrompt ? theme.prompt : theme.foreground;
    ctx.fillText(line, pad, titleBar + pad + i * lineHeight);
  });
  return canvas.toBuffer('image/png');
}

function roundedRect(ctx: SKRSContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** A desktop chat client's error bubble (Cherry Studio-like): pink card, red title, sans text. */
function renderErrorCard(text: string): Buffer {
  const width = 960;
  const cardX = 220;
  const cardW = width - cardX - 40;
  const probe = createCanvas(10, 10).getContext('2d');
  probe.font = `15px ${SANS}`;
  const lines = wrapWords(probe, text, cardW - 48);
  const lineHeight = 22;
  const cardH = 70 + lines.length * lineHeight;
  const height = cardH + 140;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f7f7f8';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#ececf1';
  ctx.fillRect(0, 0, 180, height);
  ctx.fillStyle = '#9aa0a6';
  ctx.font = `14px ${SANS}`;
  ctx.textBaseline = 'top';
  ['New chat', 'Assistants', 'Settings'].forEach((item, i) => ctx.fillText(item, 24, 30 + i * 34));
  ctx.fillStyle = '#202124';
  ctx.fillText('claude-sonnet-4-5', cardX, 40);
  const cardY = 80;
  ctx.fillStyle = '#fdecec';
  roundedRect(ctx, cardX, cardY, cardW, cardH, 10);
  ctx.fill();
  ctx.strokeStyle = '#f3b4b4';
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.fillStyle = '#d93025';
  ctx.beginPath();
  ctx.arc(cardX + 30, cardY + 30, 9, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold 13px ${SANS}`;
  ctx.fillText('!', cardX + 28, cardY + 23);
  ctx.fillStyle = '#c5221f';
  ctx.font = `bold 16px ${SANS}`;
  ctx.fillText('Request failed', cardX + 48, cardY + 21);
  ctx.fillStyle = '#5f2120';
  ctx.font = `15px ${SANS}`;
  lines.forEach((line, i) => ctx.fillText(line, cardX + 24, cardY + 56 + i * lineHeight));
  return canvas.toBuffer('image/png');
}

/** A small rounded, semi-transparent notification over an app, in small text. */
function renderToast(text: string): Buffer {
  const width = 900;
  const toastW = 420;
  const probe = createCanvas(10, 10).getContext('2d');
  probe.font = `13px ${SANS}`;
  const lines = wrapWords(probe, text, toastW - 64);
  const lineHeight = 18;
  const toastH = 44 + lines.length * lineHeight;
  const height = Math.max(420, toastH + 80);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const gradient = ctx.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#dfe7f5');
  gradient.addColorStop(1, '#c9d6ea');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#ffffff';
  for (let i = 0; i < 6; i++) ctx.fillRect(40, 40 + i * 50, 380, 30);
  const x = width - toastW - 24;
  const y = height - toastH - 24;
  ctx.fillStyle = 'rgba(32, 33, 36, 0.86)';
  roundedRect(ctx, x, y, toastW, toastH, 12);
  ctx.fill();
  ctx.fillStyle = '#f28b82';
  ctx.beginPath();
  ctx.arc(x + 24, y + 26, 8, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold 14px ${SANS}`;
  ctx.textBaseline = 'top';
  ctx.fillText('Error', x + 44, y + 16);
  ctx.font = `13px ${SANS}`;
  ctx.fillStyle = '#e8eaed';
  lines.forEach((line, i) => ctx.fillText(line, x + 44, y + 38 + i * lineHeight));
  return canvas.toBuffer('image/png');
}

export interface RenderOptions {
  /** Terminal window width (px); default 1100. */
  width?: number;
  /** Fixed terminal height (px), e.g. 800 for a full 1280×800 screen. */
  height?: number;
}

/** Render `text` as a screenshot in `style`; PNG bytes except `lossy-jpeg`. */
export async function renderScreenshot(text: string, style: ScreenshotStyle, options: RenderOptions = {}): Promise<Buffer> {
  registerFonts();
  const width = options.width ?? 1100;
  switch (style) {
    case 'dark-terminal':
      return renderTerminal(text, DARK, width, options.height);
    case 'light-terminal':
      return renderTerminal(text, LIGHT, width, options.height);
    case 'error-card':
      return renderErrorCard(text);
    case 'toast':
      return renderToast(text);
    case 'lossy-jpeg': {
      // Chat apps recompress: shrink to 80 % and save as a low-quality JPEG.
      const png = renderTerminal(text, DARK, width, options.height);
      const meta = await sharp(png).metadata();
      return sharp(png)
        .resize({ width: Math.round((meta.width ?? width) * 0.8) })
        .jpeg({ quality: 55, chromaSubsampling: '4:2:0' })
        .toBuffer();
    }
  }
}
