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
 * language, so every chunk renders on its own.
 */
export function splitMarkdown(text: string, limit: number): string[] {
  if (limit < 40) throw new Error('splitMarkdown: limit too small to hold a code fence');
  const chunks: string[] = [];
  let fence: string | null = null; // language of the open code block at the end of `current`
  const header = () => (fence !== null ? `\`\`\`${fence}\n` : '');
  const reserve = (f: string | null) => (f !== null ? 4 : 0); // "\n```" to close it
  let current = '';

  const flush = () => {
    if (current.length > header().length) chunks.push(current + (fence !== null ? '\n```' : ''));
    current = header();
  };

  for (const whole of text.split('\n')) {
    let line = whole;
    for (;;) {
      const sep = current.length === 0 || current.endsWith('\n') ? '' : '\n';
      const match = FENCE.exec(line);
      const after: string | null = match ? (fence === null ? match[1]!.slice(0, 20) : null) : fence;
      if (current.length + sep.length + line.length + reserve(after) <= limit) {
        current += sep + line;
        fence = after;
        break;
      }
      if (current.length > header().length) {
        flush();
        continue;
      }
      // The line alone does not fit in a chunk: cut it, at a space when one is near the end.
      const room = limit - current.length - sep.length - reserve(fence);
      const cut = bestCut(line, room);
      current += sep + line.slice(0, cut);
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
