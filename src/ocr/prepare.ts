import sharp from 'sharp';
import { ImageRejectedError } from '../ports/ocr';
import { backgroundLevel, type GrayRaster, medianTextLineHeight } from './layout';
import type { SniffedImage } from './sniff';

export interface PrepareOptions {
  /**
   * Text bands are scaled up towards this height (px). Tesseract misreads small text (0 as 6 or 8 in
   * a downscaled JPEG); 32 read status codes best on the dev corpus (src/ocr/README.md).
   */
  targetLineHeight: number;
  /** Never enlarge more than this. */
  maxUpscale: number;
  /** Refuse images with more pixels than this before decoding them (decompression bombs). */
  maxInputPixels: number;
  /**
   * Enlarge no further than this many pixels: reading time grows with them. A full 1280×800 screen
   * of 14 px text is enlarged 1.4× to 2 MP (2.5 MP read no more words of the bench screens and took
   * ~3-5 % longer; 1.3 MP, no enlargement, lost words of small sans-serif text).
   */
  maxOutputPixels: number;
  /** Stretch contrast after the other steps. */
  normalise: boolean;
}

export const DEFAULT_PREPARE_OPTIONS: PrepareOptions = {
  targetLineHeight: 32,
  maxUpscale: 3,
  maxInputPixels: 40_000_000,
  maxOutputPixels: 2_000_000,
  normalise: true,
};

export interface PreparedImage {
  /** 8-bit grayscale PNG, dark text on a light background. */
  png: Buffer;
  width: number;
  height: number;
  /** What was done, for logs and the benchmark. */
  steps: { inverted: boolean; scale: number; lineHeight: number | null; background: number };
}

const megapixels = (pixels: number) => String(Math.round(pixels / 1e5) / 10);

/** Keeps the decoder's error as `cause` for logs; the user only sees the message. */
function undecodable(label: string, cause: unknown): ImageRejectedError {
  const error = new ImageRejectedError(`That ${label} file is damaged or incomplete, so I could not open it. Paste the error text instead.`);
  error.cause = cause;
  return error;
}

async function decodeGray(data: Uint8Array, sniffed: SniffedImage, maxInputPixels: number): Promise<GrayRaster> {
  const label = sniffed.format.toUpperCase();
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    // The header alone: no pixel limit here, or sharp's own (268 megapixels) would call a valid
    // 20000×20000 PNG damaged before our size check below could say it is too large.
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw undecodable(label, cause);
  }
  const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (pixels > maxInputPixels) {
    throw new ImageRejectedError(
      `That ${label} is too large in pixels: ${meta.width}×${meta.height} (${megapixels(pixels)} megapixels); I read screenshots up to ${megapixels(maxInputPixels)} megapixels. Crop it to the error, or paste the text.`,
    );
  }
  try {
    // Only the first frame of an animation is read (sharp's default `pages: 1`). Alpha is laid on
    // white; EXIF orientation is applied for photos of screens.
    const { data: raw, info } = await sharp(data, { failOn: 'none', limitInputPixels: maxInputPixels })
      .rotate()
      .flatten({ background: '#ffffff' })
      .grayscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`expected 1 channel, got ${info.channels}`);
    return { data: new Uint8Array(raw.buffer, raw.byteOffset, raw.length), width: info.width, height: info.height };
  } catch (cause) {
    throw undecodable(label, cause);
  }
}

function invertInPlace(raster: GrayRaster): void {
  const { data } = raster;
  for (let i = 0; i < data.length; i++) data[i] = 255 - data[i]!;
}

/** Picks the resize factor: enlarge small text, shrink huge images, never both past the limits. */
export function chooseScale(raster: GrayRaster, lineHeight: number | null, options: PrepareOptions): number {
  let scale = lineHeight ? Math.min(options.maxUpscale, Math.max(1, options.targetLineHeight / lineHeight)) : 1;
  const pixels = raster.width * raster.height;
  if (pixels * scale * scale > options.maxOutputPixels) scale = Math.sqrt(options.maxOutputPixels / pixels);
  // Small changes cost time and blur glyphs without helping recognition.
  return Math.abs(scale - 1) < 0.15 ? 1 : scale;
}

/**
 * Turns a screenshot into what Tesseract reads best: one gray channel, dark text on light
 * (dark themes are inverted, detected by the background level), text lines enlarged to a
 * readable height. Throws `ImageRejectedError` for images that cannot be decoded or are too large.
 */
export async function prepareImage(
  data: Uint8Array,
  sniffed: SniffedImage,
  options: PrepareOptions = DEFAULT_PREPARE_OPTIONS,
): Promise<PreparedImage> {
  const raster = await decodeGray(data, sniffed, options.maxInputPixels);
  const background = backgroundLevel(raster);
  const inverted = background < 128;
  if (inverted) invertInPlace(raster);
  const lineHeight = medianTextLineHeight(raster);
  const scale = chooseScale(raster, lineHeight, options);

  let pipeline = sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 1 } });
  const width = Math.max(1, Math.round(raster.width * scale));
  const height = Math.max(1, Math.round(raster.height * scale));
  if (scale !== 1) pipeline = pipeline.resize(width, height, { kernel: 'lanczos3' });
  if (options.normalise) pipeline = pipeline.normalise();
  // Fast, barely compressed PNG: it only crosses a thread boundary into the OCR worker.
  const png = await pipeline.png({ compressionLevel: 1 }).toBuffer();
  return { png, width, height, steps: { inverted, scale, lineHeight, background } };
}
