import { z } from 'zod';
import { type Diagnosis, type ImageInput, toDiagnosisJson } from '../contracts';
import { formatBytes, InputError, MiB, readImageFile } from '../input';
import { DEFAULT_MAX_IMAGE_BYTES } from '../ocr/sniff';
import type { Doctor } from '../ports';
import { guardOutbound } from '../redact';

/** A batch line longer than this is not read (the core reads at most 1,000,000 characters anyway). */
export const MAX_LINE_BYTES = 4 * MiB;

const LineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  text: z.string().default(''),
  images: z.array(z.string()).default([]),
});

export type JsonlOutput = Omit<ReturnType<typeof toDiagnosisJson>, 'id'> & { id: string | null; error?: string };

async function loadImages(paths: string[]): Promise<{ images: ImageInput[]; problems: string[] }> {
  const images: ImageInput[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    try {
      images.push({ data: await readImageFile(path, DEFAULT_MAX_IMAGE_BYTES), name: path });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
    }
  }
  return { images, problems };
}

/** " (at position N)" from a JSON.parse error, or nothing. */
function jsonErrorPosition(error: SyntaxError): string {
  const position = /at position (\d+)/.exec(error.message)?.[1];
  return position ? ` (at position ${position})` : '';
}

/**
 * One output line for one input line — never skipped, even when the line is not valid JSON.
 * `null`: the line was longer than MAX_LINE_BYTES, and not kept.
 */
export async function diagnoseLine(doctor: Doctor, line: string | null, lineNumber: number, options: { explain?: boolean } = {}): Promise<JsonlOutput> {
  let parsed: z.output<typeof LineSchema>;
  let error: string | undefined;
  try {
    if (line === null) throw new Error(`it is longer than ${formatBytes(MAX_LINE_BYTES)}, so it was not read`);
    const result = LineSchema.safeParse(JSON.parse(line));
    if (!result.success) throw new Error(result.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '));
    parsed = result.data;
  } catch (e) {
    // The JSON parser's message quotes the start of the line (a short line whole): say where, not what.
    const why = e instanceof SyntaxError ? `not valid JSON${jsonErrorPosition(e)}` : (e as Error).message;
    error = `line ${lineNumber} is not a valid {"id","text","images"} object: ${why}`;
    parsed = { id: undefined, text: '', images: [] };
  }
  const { images, problems } = await loadImages(parsed.images);
  const d: Diagnosis = await doctor.diagnose({ platform: 'cli', text: parsed.text, images, user: 'cli', explain: options.explain || undefined });
  const out: JsonlOutput = { ...toDiagnosisJson(d), id: parsed.id ?? null };
  const issues = [error, ...problems].filter(Boolean);
  if (issues.length) out.error = issues.join('; ');
  return guardOutbound(out, 'cli');
}
