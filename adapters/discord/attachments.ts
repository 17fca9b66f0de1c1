import type { ImageInput } from '../../src/contracts';
import { decodeText, formatBytes, MiB } from '../../src/input';

export const IMAGE_MAX_BYTES = 10 * MiB;
export const TEXT_MAX_BYTES = 1 * MiB;
export const DOWNLOAD_TIMEOUT_MS = 10_000;
/** At most this many files of one message are read; the rest are ignored. */
export const MAX_FILES = 4;

/** Hosts Discord serves attachments from. Their URLs are signed and expire, so we fetch at once. */
export const DISCORD_CDN_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'] as const;

/** The attachment fields we use; discord.js `Attachment` has them all. */
export interface AttachmentRef {
  name: string;
  url: string;
  size: number;
  contentType: string | null;
}

export type Fetched =
  | { kind: 'image'; image: ImageInput }
  | { kind: 'text'; name: string; text: string }
  | { kind: 'skipped'; name: string; reason: string };

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);
const IMAGE_EXT = /\.(png|jpe?g|webp|gif)$/i;
const TEXT_EXT = /\.(txt|log)$/i;

export function attachmentKind(a: Pick<AttachmentRef, 'name' | 'contentType'>): 'image' | 'text' | 'other' {
  const type = (a.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (IMAGE_TYPES.has(type) || (!type && IMAGE_EXT.test(a.name))) return 'image';
  if (TEXT_EXT.test(a.name) || type === 'text/plain') return 'text';
  return 'other';
}

/**
 * The origins attachment downloads may come from: Discord's CDN, plus the origin of a
 * DISCORD_API_URL override (a proxy or the test fake serves attachments there too).
 */
export function allowedOrigins(apiUrl: string | undefined): string[] {
  const origins: string[] = [...DISCORD_CDN_ORIGINS];
  if (apiUrl) origins.push(new URL(apiUrl).origin);
  return origins;
}

/**
 * Downloads one attachment, bounded: only from `origins`, no redirects, at most 10 MiB for images
 * and 1 MiB for .txt / .log, within a timeout. Anything else comes back as `skipped` with a reason
 * the user can read.
 */
export async function fetchAttachment(a: AttachmentRef, origins: readonly string[], only?: 'image'): Promise<Fetched> {
  const name = a.name;
  const kind = attachmentKind(a);
  if (kind === 'other' || (only && kind !== only)) {
    return { kind: 'skipped', name, reason: only === 'image' ? 'it is not an image (PNG, JPEG, WebP or GIF)' : 'only images and .txt / .log files are read' };
  }
  const limit = kind === 'image' ? IMAGE_MAX_BYTES : TEXT_MAX_BYTES;
  const limitLabel = formatBytes(limit);
  if (a.size > limit) return { kind: 'skipped', name, reason: `it is larger than ${limitLabel}` };
  let origin: string;
  try {
    origin = new URL(a.url).origin;
  } catch {
    return { kind: 'skipped', name, reason: 'its address is not valid' };
  }
  if (!origins.includes(origin)) return { kind: 'skipped', name, reason: 'it is not hosted by Discord' };

  const bytes = await download(a.url, limit);
  if (bytes === 'too-large') return { kind: 'skipped', name, reason: `it is larger than ${limitLabel}` };
  if (bytes === 'failed') return { kind: 'skipped', name, reason: 'Discord did not let me download it; please try again' };
  if (kind === 'image') return { kind: 'image', image: { data: bytes, name, ...(a.contentType ? { mimeType: a.contentType } : {}) } };
  return { kind: 'text', name, text: decodeText(bytes).text };
}

/** What the files of one message gave: texts (headed by their name), images, and what was skipped. */
export interface ReadFiles {
  texts: string[];
  images: ImageInput[];
  skipped: Array<{ name: string; reason: string }>;
}

/** Downloads a message's files at once (their URLs expire); `textOnly` leaves images unread. */
export async function readFiles(files: readonly AttachmentRef[], origins: readonly string[], textOnly = false): Promise<ReadFiles> {
  const wanted = textOnly ? files.filter((f) => attachmentKind(f) === 'text') : files;
  const fetched = await Promise.all(wanted.map((f) => fetchAttachment(f, origins)));
  return {
    texts: fetched.flatMap((f) => (f.kind === 'text' ? [`--- ${f.name} ---\n${f.text}`] : [])),
    images: fetched.flatMap((f) => (f.kind === 'image' ? [f.image] : [])),
    skipped: fetched.flatMap((f) => (f.kind === 'skipped' ? [f] : [])),
  };
}

async function download(url: string, limit: number): Promise<Uint8Array<ArrayBuffer> | 'too-large' | 'failed'> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch {
    return 'failed';
  }
  if (!response.ok || !response.body) return 'failed';
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body.cancel();
    return 'too-large';
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      // The declared size can lie; stop reading as soon as the real bytes pass the limit.
      if (total > limit) {
        await reader.cancel();
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return 'failed';
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
