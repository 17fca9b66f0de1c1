import type { OcrLine } from '../ports/ocr';

/**
 * Window buttons, icons and avatars come out as short, low-confidence lines ("e000", "(XX") that
 * would open the "Read from your screenshot" quote. Longer lines stay even when unsure: a
 * misread error line still carries signal, and the user sees it.
 */
export function isChrome(line: OcrLine): boolean {
  return line.confidence < 0.7 && line.text.replace(/\s/g, '').length <= 6;
}

/**
 * Below this mean confidence the "text" is Tesseract hallucinating words in noise, photos or
 * patterns (measured: 0.06–0.18 on noise, 0.7–0.9 on real screenshots, lossy ones included).
 * Returning nothing lets the doctor say plainly that no text was found and ask for it.
 */
export const MIN_PAGE_CONFIDENCE = 0.4;

/** Paragraphs become blank-line separated blocks, as Tesseract's own text output does. */
export function composeText(paragraphs: OcrLine[][], confidence: number): { text: string; lines: OcrLine[] } {
  if (confidence < MIN_PAGE_CONFIDENCE) return { text: '', lines: [] };
  const kept = paragraphs
    .map((lines) => lines.filter((line) => line.text.trim() !== '' && !isChrome(line)))
    .filter((lines) => lines.length > 0);
  return {
    text: kept.map((lines) => lines.map((line) => line.text).join('\n')).join('\n\n'),
    lines: kept.flat(),
  };
}
