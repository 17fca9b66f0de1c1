import { constants, createReadStream, fstat, open as openFd, read as fsRead, type Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { formatBytes, GiB, MiB } from './bytes';
import { decodeText, type TextEncoding } from './decode';

/**
 * Bounded reading of what a user hands the CLI or the console: a file, stdin, a named pipe, a
 * device. Nothing is read whole before its size is known, an endless source (/dev/zero) ends at a
 * byte budget, a pipe nobody writes to ends at an idle deadline, and every failure is an
 * `InputError` whose message is fit to print (never a stack trace).
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Text kept from a long input: its head (banners) and its tail (where tracebacks end). */
export const TEXT_HEAD_BYTES = 1 * MiB;
export const TEXT_TAIL_BYTES = 3 * MiB;
/**
 * A stream is read no further than this: the tail of a 600 MB log piped in is still read, and
 * /dev/zero as stdin ends in about a second.
 */
export const STREAM_BUDGET_BYTES = 1 * GiB;
/** A named pipe that sends nothing for this long is given up on. */
export const PIPE_IDLE_MS = 5_000;

export interface ReadText {
  text: string;
  encoding: TextEncoding;
  /** Something in the middle (or past the budget) was not read. */
  truncated: boolean;
}

/** What an errno means, in words. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'the name is too long',
    EMFILE: 'too many open files',
  };
  return (code && words[code]) ?? code ?? (error as Error).message;
}

/** Keeps the first `headMax` bytes and the last `tailMax` bytes of everything pushed. */
class HeadTail {
  private readonly head: Buffer[] = [];
  private headLength = 0;
  private readonly tail: Buffer[] = [];
  private tailLength = 0;
  dropped = false;
  total = 0;

  constructor(
    private readonly headMax: number,
    private readonly tailMax: number,
  ) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.headLength < this.headMax) {
      const take = Math.min(chunk.length, this.headMax - this.headLength);
      this.head.push(chunk.subarray(0, take));
      this.headLength += take;
      chunk = chunk.subarray(take);
    }
    if (chunk.length === 0) return;
    this.tail.push(chunk);
    this.tailLength += chunk.length;
    while (this.tailLength - this.tail[0]!.length >= this.tailMax) {
      this.tailLength -= this.tail.shift()!.length;
      this.dropped = true;
    }
    if (this.tailLength > this.tailMax) {
      const extra = this.tailLength - this.tailMax;
      this.tail[0] = this.tail[0]!.subarray(extra);
      this.tailLength -= extra;
      this.dropped = true;
    }
  }

  parts(): { head: Buffer; tail: Buffer; gap: boolean } {
    return { head: Buffer.concat(this.head), tail: Buffer.concat(this.tail), gap: this.dropped };
  }
}

type DrainEnd = 'end' | 'stopped' | 'idle';

/**
 * Feeds a stream's chunks to `take` until it returns false, the stream ends, or (with `idleMs`)
 * nothing arrives for that long. The stream is destroyed when reading stops early.
 */
function drain(stream: Readable, take: (chunk: Buffer) => boolean, idleMs?: number): Promise<DrainEnd> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (how: DrainEnd | Error) => {
      clearTimeout(timer);
      stream.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (how instanceof Error) reject(how);
      else {
        if (how !== 'end') stream.destroy();
        resolve(how);
      }
    };
    const arm = () => {
      if (idleMs === undefined) return;
      clearTimeout(timer);
      timer = setTimeout(() => finish('idle'), idleMs);
    };
    const onData = (chunk: Buffer | string) => {
      if (!take(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) finish('stopped');
      else arm();
    };
    const onEnd = () => finish('end');
    const onError = (error: Error) => finish(error);
    // Destroyed from outside (a shutdown while a pipe is open): neither 'end' nor 'error' comes.
    const onClose = () => finish('stopped');
    stream.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
    arm();
    stream.resume();
  });
}

/** Decodes head and tail as one text, with the core's cut marker between them when bytes were skipped. */
function joinDecoded(head: Buffer, tail: Buffer, gap: boolean): { text: string; encoding: TextEncoding } {
  if (!gap) {
    const whole = decodeText(Buffer.concat([head, tail]));
    return { text: whole.text, encoding: whole.encoding };
  }
  const first = decodeText(head);
  return { text: `${first.text}\n[… cut …]\n${decodeLike(first.encoding, tail)}`, encoding: first.encoding };
}

/** Decodes a piece cut out of the middle of a text, with the encoding its start was read in. */
function decodeLike(encoding: TextEncoding, bytes: Buffer): string {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    // Tails are cut at even offsets (see readRegularFile); a stream's may not be.
    const even = bytes.subarray(bytes.length % 2);
    return new TextDecoder(encoding).decode(even);
  }
  // Skip the continuation bytes of a character cut in two.
  let start = 0;
  while (start < 3 && start < bytes.length && bytes[start]! >= 0x80 && bytes[start]! <= 0xbf) start++;
  return decodeText(bytes.subarray(start)).text;
}

/** Reads into `buffer` from `position` of a regular file; resolves the bytes read (0 at the end). */
type ReadAt = (buffer: Buffer, position: number) => Promise<number>;

const handleReader = (handle: FileHandle): ReadAt => (buffer, position) =>
  handle.read(buffer, 0, buffer.length, position).then((r) => r.bytesRead);

/** Up to `limit` bytes from the start, in chunks: the file may grow while it is read (a live log). */
async function readPrefix(readAt: ReadAt, limit: number, take: (chunk: Buffer) => void): Promise<number> {
  const buffer = Buffer.allocUnsafe(1 * MiB);
  let position = 0;
  for (let read = -1; read !== 0 && position < limit; position += read) {
    read = await readAt(buffer, position);
    take(Buffer.from(buffer.subarray(0, read)));
  }
  return position;
}

/** A regular file: only the head and the tail are read when it is longer than both. */
async function readRegularFile(readAt: ReadAt, size: number): Promise<ReadText> {
  if (size <= TEXT_HEAD_BYTES + TEXT_TAIL_BYTES) {
    const collector = new HeadTail(TEXT_HEAD_BYTES, TEXT_TAIL_BYTES);
    const read = await readPrefix(readAt, STREAM_BUDGET_BYTES, (chunk) => collector.push(chunk));
    const { head, tail, gap } = collector.parts();
    return { ...joinDecoded(head, tail, gap), truncated: gap || read >= STREAM_BUDGET_BYTES };
  }
  const head = Buffer.alloc(TEXT_HEAD_BYTES);
  const tail = Buffer.alloc(TEXT_TAIL_BYTES);
  // An even offset keeps UTF-16 code units whole.
  const tailStart = size - TEXT_TAIL_BYTES - ((size - TEXT_TAIL_BYTES) % 2);
  const headRead = await readAt(head, 0);
  const tailRead = await readAt(tail, tailStart);
  return { ...joinDecoded(head.subarray(0, headRead), tail.subarray(0, tailRead), true), truncated: true };
}

/** A stream (stdin, a device, a pipe): head and tail within the byte budget. */
export async function readTextStream(stream: Readable, options: { idleMs?: number; label?: string } = {}): Promise<ReadText> {
  const collector = new HeadTail(TEXT_HEAD_BYTES, TEXT_TAIL_BYTES);
  const how = await drain(
    stream,
    (chunk) => {
      collector.push(chunk);
      return collector.total < STREAM_BUDGET_BYTES;
    },
    options.idleMs,
  ).catch((error: unknown) => {
    throw new InputError(`cannot read ${options.label ?? 'stdin'}: ${reason(error)}`);
  });
  if (how === 'idle' && collector.total === 0) {
    throw new InputError(`nothing arrived from ${options.label ?? 'stdin'} within ${options.idleMs! / 1000} s`);
  }
  const { head, tail, gap } = collector.parts();
  return { ...joinDecoded(head, tail, gap), truncated: gap || how !== 'end' };
}

const readFd = promisify(fsRead);

/**
 * Stdin: a regular file redirected into it (`< big.log`) is read by head and tail like a FILE
 * argument; a terminal, a pipe or a device as a bounded stream.
 */
export async function readStdin(stdin: NodeJS.ReadStream & { fd?: number }): Promise<ReadText> {
  const fd = stdin.fd ?? 0;
  const info = await new Promise<Stats | null>((resolve) => fstat(fd, (error, stats) => resolve(error ? null : stats)));
  if (info?.isFile()) {
    const readAt: ReadAt = (buffer, position) => readFd(fd, buffer, 0, buffer.length, position).then((r) => r.bytesRead);
    return readRegularFile(readAt, info.size).catch((error: unknown) => {
      throw new InputError(`cannot read stdin: ${reason(error)}`);
    });
  }
  return readTextStream(stdin);
}

type Source = { kind: 'file'; handle: FileHandle } | { kind: 'stream'; stream: Readable };

/**
 * Opens a path for reading. A named pipe is opened without blocking (a plain open waits for a
 * writer forever) and read through a socket, which owns and closes its descriptor; a device
 * (`/dev/zero`) is read as a stream; a regular file through a handle the caller closes.
 */
async function openSource(path: string, label: string): Promise<Source> {
  const fail = (error: unknown) => {
    throw new InputError(`cannot read ${label}: ${reason(error)}`);
  };
  const info = await stat(path).catch(fail);
  if (info.isDirectory()) throw new InputError(`cannot read ${label}: it is a directory`);
  if (info.isFIFO()) {
    const fd = await new Promise<number>((resolve, reject) =>
      openFd(path, constants.O_RDONLY | constants.O_NONBLOCK, (error, fd) => (error ? reject(error) : resolve(fd))),
    ).catch(fail);
    return { kind: 'stream', stream: new Socket({ fd, readable: true, writable: false }) };
  }
  if (!info.isFile()) return { kind: 'stream', stream: createReadStream(path, { highWaterMark: 1 * MiB }) };
  return { kind: 'file', handle: await open(path, 'r').catch(fail) };
}

/** A text file by path: regular files by head and tail, pipes and devices as bounded streams. */
export async function readTextFile(path: string, options: { idleMs?: number } = {}): Promise<ReadText> {
  const label = `"${path}"`;
  const source = await openSource(path, label);
  if (source.kind === 'stream') return readTextStream(source.stream, { idleMs: options.idleMs ?? PIPE_IDLE_MS, label });
  try {
    const { size } = await source.handle.stat();
    return await readRegularFile(handleReader(source.handle), size);
  } catch (error) {
    throw new InputError(`cannot read ${label}: ${reason(error)}`, { cause: error });
  } finally {
    await source.handle.close();
  }
}

/**
 * An image by path, refused before reading when it is over `maxBytes`: a regular file by its size,
 * a pipe or a device (`/dev/zero`) as soon as more than `maxBytes` arrived.
 */
export async function readImageFile(path: string, maxBytes: number, options: { idleMs?: number } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const idleMs = options.idleMs ?? PIPE_IDLE_MS;
  const label = `image "${path}"`;
  const tooLarge = (size: string) =>
    new InputError(`${label} is ${size}; screenshots are read up to ${formatBytes(maxBytes)}. Crop it to the error, or paste the text.`);
  const source = await openSource(path, label);
  if (source.kind === 'file') {
    try {
      const { size } = await source.handle.stat();
      if (size > maxBytes) throw tooLarge(formatBytes(size));
      const chunks: Buffer[] = [];
      const read = await readPrefix(handleReader(source.handle), maxBytes + 1, (chunk) => chunks.push(chunk));
      if (read > maxBytes) throw tooLarge(`over ${formatBytes(maxBytes)}`);
      return new Uint8Array(Buffer.concat(chunks));
    } catch (error) {
      throw error instanceof InputError ? error : new InputError(`cannot read ${label}: ${reason(error)}`, { cause: error });
    } finally {
      await source.handle.close();
    }
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const how = await drain(
    source.stream,
    (chunk) => {
      total += chunk.length;
      if (total <= maxBytes) chunks.push(chunk);
      return total <= maxBytes;
    },
    idleMs,
  ).catch((error: unknown) => {
    throw new InputError(`cannot read ${label}: ${reason(error)}`);
  });
  if (how === 'stopped') throw tooLarge(`not a regular file and sent more than ${formatBytes(maxBytes)}`);
  if (how === 'idle') throw new InputError(`nothing arrived from ${label} within ${idleMs / 1000} s`);
  return new Uint8Array(Buffer.concat(chunks));
}
