import type { ImageInput } from '../../src/contracts';
import { decodeText, formatBytes, MiB } from '../../src/input';
import type { SlackFile } from './inbound';

/** Screenshots up to 10 MiB; pasted text snippets up to 1 MiB (the core caps text far below that). */
export const MAX_IMAGE_BYTES = 10 * MiB;
export const MAX_TEXT_BYTES = 1 * MiB;
/** Attachments read per message; the rest are named in a note. */
export const MAX_FILES = 5;
const DOWNLOAD_TIMEOUT_MS = 10_000;

export interface DownloadOptions {
  botToken: string;
  /** SLACK_API_URL: its host may serve files too (tests, proxies). */
  apiUrl: string | undefined;
  fetch: typeof fetch;
  /** Full metadata for a file the event only names (`file_access: check_file_info`). */
  lookup(fileId: string): Promise<SlackFile | null>;
}

export interface Attachments {
  images: ImageInput[];
  /** Contents of attached text snippets, in order. */
  texts: string[];
  /** Public notes for the reply: what could not be read, and why. */
  notes: string[];
  /** Downloads that threw (network, timeout), for the log. */
  errors: Array<{ fileId: string; error: unknown }>;
}

/**
 * The bot token goes only to Slack's file host (or the configured API host): a message can carry
 * any URL, and `url_private` must never become a way to send our token elsewhere.
 */
export function isTrustedFileUrl(url: string, apiUrl: string | undefined): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  if (u.username || u.password) return false;
  if (u.protocol === 'https:' && u.hostname === 'files.slack.com' && u.port === '') return true;
  return apiUrl !== undefined && URL.canParse(apiUrl) && u.origin === new URL(apiUrl).origin;
}

/** Downloads the images and text snippets of a message; anything unreadable becomes a note. */
export async function readAttachments(files: readonly SlackFile[], options: DownloadOptions): Promise<Attachments> {
  const out: Attachments = { images: [], texts: [], notes: [], errors: [] };
  for (const listed of files.slice(0, MAX_FILES)) {
    const file = needsLookup(listed) ? ((await options.lookup(listed.id)) ?? listed) : listed;
    const problem = await readOne(file, options, out).catch((error: unknown) => {
      out.errors.push({ fileId: file.id, error });
      return 'the download failed';
    });
    if (problem) out.notes.push(`I could not read the attachment "${file.name ?? file.id}": ${problem}.`);
  }
  if (files.length > MAX_FILES) out.notes.push(`I read only the first ${MAX_FILES} attachments.`);
  return out;
}

function needsLookup(file: SlackFile): boolean {
  return file.file_access === 'check_file_info' || (!file.url_private && !file.url_private_download);
}

type Kind = 'image' | 'text';

export function kindOf(file: SlackFile): Kind | null {
  const mime = file.mimetype ?? '';
  if (mime.startsWith('image/')) return 'image';
  if (file.mode === 'snippet' || mime.startsWith('text/') || mime === 'application/json') return 'text';
  return null;
}

/** Reads one file into `out`; returns the reason it was skipped, or null. */
async function readOne(file: SlackFile, options: DownloadOptions, out: Attachments): Promise<string | null> {
  if (file.mode === 'tombstone' || file.mode === 'hidden_by_limit') return 'it is no longer available';
  const kind = kindOf(file);
  if (!kind) return 'I only read screenshots and text snippets';
  const max = kind === 'image' ? MAX_IMAGE_BYTES : MAX_TEXT_BYTES;
  if ((file.size ?? 0) > max) return `it is larger than ${formatBytes(max)}`;
  const url = file.url_private ?? file.url_private_download;
  if (!url || !isTrustedFileUrl(url, options.apiUrl)) return 'it is not hosted by Slack';

  const response = await options.fetch(url, {
    headers: { Authorization: `Bearer ${options.botToken}` },
    // A redirect could carry the Authorization header to another host.
    redirect: 'error',
    signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
  });
  if (!response.ok) {
    await response.body?.cancel();
    return `Slack answered HTTP ${response.status} (does the app have the files:read scope?)`;
  }
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  // Without files:read Slack answers 200 with its HTML sign-in page instead of the file.
  if (type.startsWith('text/html') || (kind === 'image' && !type.startsWith('image/'))) {
    await response.body?.cancel();
    return 'Slack did not send the file (does the app have the files:read scope?)';
  }
  const bytes = await readCapped(response, max);
  if (!bytes) return `it is larger than ${formatBytes(max)}`;
  if (kind === 'image') {
    out.images.push({ data: bytes, mimeType: type.split(';')[0]!.trim(), ...(file.name ? { name: file.name } : {}) });
  } else {
    out.texts.push(decodeText(bytes).text);
  }
  return null;
}

/** The body, or null once it grows past `max` (the declared length may be missing or wrong). */
async function readCapped(response: Response, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}
