import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type Diagnosis, type ImageInput, toDiagnosisJson } from '../contracts';
import type { Doctor } from '../ports';

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
      images.push({ data: new Uint8Array(await readFile(path)), name: path });
    } catch (error) {
      problems.push(`image "${path}" could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  return { images, problems };
}

/** One output line for one input line — never skipped, even when the line is not valid JSON. */
export async function diagnoseLine(doctor: Doctor, line: string, lineNumber: number, options: { explain?: boolean } = {}): Promise<JsonlOutput> {
  let parsed: z.output<typeof LineSchema>;
  let error: string | undefined;
  try {
    const result = LineSchema.safeParse(JSON.parse(line));
    if (!result.success) throw new Error(result.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '));
    parsed = result.data;
  } catch (e) {
    error = `line ${lineNumber} is not a valid {"id","text","images"} object: ${(e as Error).message}`;
    parsed = { id: undefined, text: '', images: [] };
  }
  const { images, problems } = await loadImages(parsed.images);
  const d: Diagnosis = await doctor.diagnose({ platform: 'cli', text: parsed.text, images, user: 'cli', explain: options.explain || undefined });
  const out: JsonlOutput = { ...toDiagnosisJson(d), id: parsed.id ?? null };
  const issues = [error, ...problems].filter(Boolean);
  if (issues.length) out.error = issues.join('; ');
  return out;
}
