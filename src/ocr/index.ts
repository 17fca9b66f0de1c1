export { OcrUnavailableError, type OcrFailureReason } from './errors';
export { createTesseractReader, DEFAULT_OCR_TIMEOUT_MS, type TesseractReader, type TesseractReaderOptions } from './reader';
export { ACCEPTED_FORMATS, DEFAULT_MAX_IMAGE_BYTES, type ImageFormat, sniffImage } from './sniff';
