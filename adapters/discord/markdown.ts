/**
 * Text helpers for Discord markdown: cutting long text at a limit without breaking a code block,
 * and defusing what a paste could smuggle into a bot message.
 */

const FENCE = /^\s*```(\S*)/;

/** Hard cut with an ellipsis, for single-line fields such as titles. */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, Math.max(0, limit - 1)).trimEnd()}…`;
}

/**
 * Splits markdown into chunks of at most `limit` characters, at line breaks where possible. A
 * chunk that ends inside a ``` block closes it and the next chunk reopens it with the same
 * language, so every chunk renders on its own. Text that fits is returned unchanged.
 */
export function splitMarkdown(text: string, limit: number): string[] {
  if (limit < 40) throw new Error('splitMarkdown: limit too small to hold a code fence');
  const chunks: string[] = [];
  let fence: string | null = null; // language of the code block open at the end of the chunk
  let lines: string[] = [];
  let size = 0; // length of lines.join('\n')
  let bodyStart = 0; // lines before this index are the reopened fence

  const reserve = (f: string | null) => (f !== null ? 4 : 0); // "\n```" closes an open block
  const cost = (line: string) => (lines.length > 0 ? 1 : 0) + line.length;
  const push = (line: string) => {
    size += cost(line);
    lines.push(line);
  };
  const startChunk = () => {
    lines = [];
    size = 0;
    if (fence !== null) push(`\`\`\`${fence}`);
    bodyStart = lines.length;
  };
  const flush = () => {
    if (lines.slice(bodyStart).some((l) => l.trim() !== '')) chunks.push(lines.join('\n') + (fence !== null ? '\n```' : ''));
    startChunk();
  };

  for (const whole of text.split('\n')) {
    let line = whole;
    for (;;) {
      const match = FENCE.exec(line);
      const after: string | null = match ? (fence === null ? match[1]!.slice(0, 20) : null) : fence;
      if (size + cost(line) + reserve(after) <= limit) {
        push(line);
        fence = after;
        break;
      }
      if (lines.length > bodyStart) {
        flush();
        continue;
      }
      // The line alone does not fit in a chunk: cut it, at a space when one is near the end.
      const room = limit - size - (lines.length > 0 ? 1 : 0) - reserve(fence);
      const cut = bestCut(line, room);
      push(line.slice(0, cut));
      line = line.slice(cut);
      flush();
      if (line.length === 0) break;
    }
  }
  flush();
  return chunks;
}

function bestCut(line: string, room: number): number {
  if (line.length <= room) return line.length;
  const space = line.lastIndexOf(' ', room - 1);
  return space > room * 0.6 ? space + 1 : room;
}

/**
 * Makes text from a paste safe to show outside a code block: mass mentions get a zero-width
 * joiner (allowed_mentions already blocks the ping; this keeps the text from looking like one) and
 * masked links lose their link syntax so a screenshot cannot plant a disguised URL.
 */
export function defuse(text: string): string {
  return text
    .replace(/@(everyone|here)/g, '@\u200b$1')
    .replace(/<@([!&]?\d+)>/g, '<@\u200b$1>')
    .replace(/\]\(/g, ']\u200b(');
}

/** Keeps code inside its block: a ``` in the code would otherwise end the block early. */
export function fenceSafe(code: string): string {
  return code.replace(/```/g, '`\u200b``');
}
