import type { ImageInput } from '../contracts';

export interface OcrResult {
  /** The text read, raw (the pipeline redacts and normalizes it). */
  text: string;
  /** 0..1, as reported by the OCR engine. */
  confidence: number;
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
