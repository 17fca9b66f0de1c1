import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { boundedLines, InputError, MiB, readImageFile, readStdin, readTextFile, readTextStream } from '../../src/input';

const dir = mkdtempSync(join(tmpdir(), 'doctor-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RATE_LIMIT = "anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error'}}";

/** A file of `size` bytes that costs no disk: a sparse hole with `text` written at its end. */
function sparseFile(name: string, size: number, text = ''): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  if (text) writeSync(fd, text, size - Buffer.byteLength(text));
  closeSync(fd);
  return path;
}

/** A stream that never ends, like /dev/zero or `yes`. */
const endless = (byte: number) =>
  new Readable({
    read() {
      this.push(Buffer.alloc(256 * 1024, byte));
    },
  });

function fifo(name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

describe('text files', () => {
  it('reads a small file whole, in its encoding', async () => {
    const path = join(dir, 'utf16.txt');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RATE_LIMIT, 'utf16le')]));
    expect(await readTextFile(path)).toEqual({ text: RATE_LIMIT, encoding: 'utf-16le', truncated: false });
  });

  it('reads only the head and the tail of a 600 MiB file, and says it was cut', async () => {
    const path = sparseFile('big.log', 600 * MiB, `\n${RATE_LIMIT}\n`);
    const read = await readTextFile(path);
    expect(read.truncated).toBe(true);
    expect(read.text).toContain('[… cut …]');
    expect(read.text.trimEnd().endsWith(RATE_LIMIT)).toBe(true);
    expect(read.text.length).toBeLessThanOrEqual(4 * MiB + 20);
  });

  it('has the doctor say a cut input was cut, however short the part that was read', async () => {
    const d = await createDoctor().diagnose({ platform: 'cli', text: RATE_LIMIT, truncated: true });
    expect(d.category).toBe('rate_limit');
    expect(d.warnings).toContain('input-truncated');
    expect(d.reply).toMatch(/I read its beginning and its end/);
  });

  it('names a missing file and a directory in words, never an errno', async () => {
    await expect(readTextFile(join(dir, 'missing.txt'))).rejects.toThrow(/cannot read ".*missing\.txt": no such file/);
    await expect(readTextFile(dir)).rejects.toThrow(/it is a directory/);
  });

  it('reads a named pipe that a writer fills, and gives up on one nobody writes to', async () => {
    const path = fifo('paste.fifo');
    const writer = open(path, 'w').then(async (h) => {
      await h.write(RATE_LIMIT);
      await h.close();
    });
    expect((await readTextFile(path, { idleMs: 5_000 })).text).toBe(RATE_LIMIT);
    await writer;
    const silent = fifo('silent.fifo');
    const error = await readTextFile(silent, { idleMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/nothing arrived from ".*silent\.fifo" within 0\.2 s/);
  });
});

describe('streams', () => {
  it('ends an endless stream at the budget and keeps a head and a tail', async () => {
    const read = await readTextStream(endless(0x41));
    expect(read.truncated).toBe(true);
    expect(read.text.length).toBeLessThanOrEqual(4 * MiB + 20);
  });

  it('reads a stream that ends, whole', async () => {
    expect(await readTextStream(Readable.from([Buffer.from(RATE_LIMIT)]))).toMatchObject({ text: RATE_LIMIT, truncated: false });
  });

  it('reads a regular file redirected to stdin by head and tail', async () => {
    const path = sparseFile('stdin.log', 600 * MiB, `\n${RATE_LIMIT}\n`);
    const handle = await open(path, 'r');
    try {
      const read = await readStdin(Object.assign(Readable.from([]), { fd: handle.fd }) as unknown as NodeJS.ReadStream);
      expect(read.truncated).toBe(true);
      expect(read.text.trimEnd().endsWith(RATE_LIMIT)).toBe(true);
    } finally {
      await handle.close();
    }
  });
});

describe('images', () => {
  it('refuses a 500 MiB image by its size, before reading it', async () => {
    const path = sparseFile('huge.png', 500 * MiB);
    await expect(readImageFile(path, 10 * MiB)).rejects.toThrow(/is 500 MiB; screenshots are read up to 10 MiB/);
  });

  it('refuses /dev/zero once more than the limit arrived', async () => {
    await expect(readImageFile('/dev/zero', 1 * MiB)).rejects.toThrow(/not a regular file and sent more than 1 MiB/);
  });

  it('reads an image within the limit', async () => {
    const path = join(dir, 'small.png');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect([...(await readImageFile(path, 1 * MiB))]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});

describe('JSON Lines', () => {
  it('splits lines, strips CR, and cuts a line over the limit without keeping it', async () => {
    const input = Readable.from([Buffer.from('{"a":1}\r\n'), Buffer.from(`${'x'.repeat(5000)}\n{"b":`), Buffer.from('2}')]);
    const lines = [];
    for await (const l of boundedLines(input, 1000)) lines.push(l);
    expect(lines.map((l) => [l.line.length, l.cut])).toEqual([
      [7, false],
      [1000, true],
      [7, false],
    ]);
  });

  it('stops reading an endless line (/dev/zero as stdin)', async () => {
    const lines = [];
    for await (const l of boundedLines(endless(0), 1 * MiB)) lines.push(l.cut);
    expect(lines).toEqual([true]);
  });
});
