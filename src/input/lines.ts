import type { Readable } from 'node:stream';
import { STREAM_BUDGET_BYTES } from './read';

export interface BoundedLine {
  line: string;
  /** Longer than the limit: the line was not kept (only its first bytes are). */
  cut: boolean;
}

/**
 * The UTF-8 lines of a stream (JSON Lines), each held to `maxLineBytes`. The rest of an over-long
 * line is skipped without being kept; a "line" that runs on past the stream budget without a line
 * break (/dev/zero) ends the reading, so an endless source cannot keep the process busy.
 */
export async function* boundedLines(stream: Readable, maxLineBytes: number): AsyncGenerator<BoundedLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let skipped = 0;
  const take = (piece: Buffer) => {
    const room = maxLineBytes - length;
    if (piece.length > room) skipped += piece.length - Math.max(0, room);
    if (room > 0) {
      parts.push(piece.subarray(0, room));
      length += Math.min(room, piece.length);
    }
  };
  const finish = (): BoundedLine => {
    const line = Buffer.concat(parts).toString('utf8').replace(/\r$/, '');
    const cut = skipped > 0;
    parts = [];
    length = 0;
    skipped = 0;
    return { line, cut };
  };
  for await (const raw of stream) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : (raw as Buffer);
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10)) {
      take(chunk.subarray(0, nl));
      yield finish();
      chunk = chunk.subarray(nl + 1);
    }
    take(chunk);
    if (skipped > STREAM_BUDGET_BYTES) {
      yield finish();
      return; // leaving the loop destroys the stream
    }
  }
  if (length > 0 || skipped > 0) yield finish();
}
