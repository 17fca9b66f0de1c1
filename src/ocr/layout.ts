/**
 * Cheap measurements on an 8-bit grayscale raster that decide how to prepare a screenshot:
 * is it a dark theme, and how tall are its text lines. Plain loops over a 1–4 MP buffer take a few
 * milliseconds, far less than the OCR they tune.
 */
export interface GrayRaster {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Median brightness (0..255): the background's level, robust to a few bright or dark widgets. */
export function backgroundLevel({ data }: GrayRaster): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) histogram[data[i]!]++;
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level]!;
    if (seen * 2 >= data.length) return level;
  }
  return 255;
}

/** A row counts as text when it has at least this many sharp light/dark changes. */
const MIN_EDGES_PER_ROW = 6;
const EDGE_CONTRAST = 48;

/**
 * Median height in pixels of the bands of rows that contain text, or null when no text-like band
 * was found. Text rows have many sharp horizontal light/dark changes; solid panels, borders and
 * gradients have few, so this works on any background colour and either polarity.
 */
export function medianTextLineHeight({ data, width, height }: GrayRaster): number | null {
  const bands: number[] = [];
  let run = 0;
  for (let y = 0; y < height; y++) {
    let edges = 0;
    const row = y * width;
    for (let x = 1; x < width; x++) {
      if (Math.abs(data[row + x]! - data[row + x - 1]!) >= EDGE_CONTRAST) edges++;
    }
    if (edges >= MIN_EDGES_PER_ROW) {
      run++;
    } else {
      if (run >= 3) bands.push(run);
      run = 0;
    }
  }
  if (run >= 3) bands.push(run);
  if (bands.length === 0) return null;
  bands.sort((a, b) => a - b);
  return bands[Math.floor(bands.length / 2)]!;
}
