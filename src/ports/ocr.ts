import type { ImageInput } from '../contracts';

/** One line as the OCR engine read it. */
export interface OcrLine {
  text: string;
  /** 0..1. Window chrome and icons read as short low-confidence lines ("e000", "(XX"). */
  confidence: number;
}

export interface OcrResult {
  /** The text read, raw (the pipeline redacts and normalizes it). */
  text: string;
  /** 0..1, as reported by the OCR engine. */
  confidence: number;
  /** The same text by line with per-line confidence, when the reader has it. */
  lines?: OcrLine[];
  /** Wall time for preparing and reading this image, queue wait excluded. */
  elapsedMs?: number;
}

/** Turns a screenshot into text. Rejections carry a user-facing reason. */
export interface ImageReader {
  read(image: ImageInput): Promise<OcrResult>;
  close?(): Promise<void>;
}

export class ImageRejectedError extends Error {
  override readonly name = 'ImageRejectedError';
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}
