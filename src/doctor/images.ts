import type { ImageInput, Warning } from '../contracts';
import { type ImageReader, ImageRejectedError, type Logger } from '../ports';
import { redactSecrets, type RedactionFinding } from '../redact';

export interface ImageReading {
  /** Redacted OCR text of every readable image, joined. */
  text: string;
  notes: string[];
  warnings: Warning[];
  findings: RedactionFinding[];
  elapsedMs: number;
}

const firstLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 3)
    .map((l) => (l.length > 120 ? `${l.slice(0, 117)}…` : l));

/**
 * Reads every image with OCR. The text read is redacted at once, like a paste; the reply quotes
 * the first lines of the redacted text (never the raw reading) so users can spot a misread.
 */
export async function readImages(images: ImageInput[], reader: ImageReader | undefined, logger: Logger): Promise<ImageReading> {
  const out: ImageReading = { text: '', notes: [], warnings: [], findings: [], elapsedMs: 0 };
  if (images.length === 0) return out;
  if (!reader) {
    out.warnings.push('image-not-read');
    out.notes.push(`I could not read ${images.length === 1 ? 'your image' : 'your images'}: reading screenshots is not enabled on this bot. Paste the error as text.`);
    return out;
  }
  const started = performance.now();
  const texts: string[] = [];
  for (const image of images) {
    try {
      const result = await reader.read(image);
      // An OCR reading is uncertain: near a secret, mask generously (a wrapped tail, a lost `_`).
      const redacted = redactSecrets(result.text, { uncertain: true });
      out.findings.push(...redacted.findings);
      const lines = firstLines(redacted.text);
      if (lines.length === 0) {
        out.warnings.push('image-not-read');
        out.notes.push('I could not find readable text in your screenshot. Please paste the error as text.');
        continue;
      }
      texts.push(redacted.text);
      out.notes.push(`Read from your screenshot:\n${lines.map((l) => `> ${l}`).join('\n')}`);
    } catch (error) {
      if (error instanceof ImageRejectedError) {
        out.warnings.push('image-rejected');
        out.notes.push(error.userMessage);
      } else {
        logger.warn({ err: (error as Error).message }, 'screenshot could not be read');
        out.warnings.push('image-not-read');
        // A reader may say why in user terms (busy, too slow); otherwise a generic line.
        const userMessage = (error as { userMessage?: unknown }).userMessage;
        out.notes.push(typeof userMessage === 'string' ? userMessage : 'I could not read your screenshot this time. Please paste the error as text.');
      }
    }
  }
  out.text = texts.join('\n\n');
  out.elapsedMs = performance.now() - started;
  return out;
}
