/**
 * The markdown reply as text for a terminal: headings bold, code blocks indented (never wrapped,
 * so commands stay copyable), links as "text (URL)", lists with hanging indents, everything else
 * wrapped to the terminal's width. Colour (ANSI) only when asked for — the caller decides from
 * "is stdout a TTY" and NO_COLOR.
 */
export interface TerminalStyle {
  /** Wrap width in columns. */
  columns: number;
  color: boolean;
}

const sgr = (on: string, off: string) => (color: boolean, s: string) => (color ? `\u001b[${on}m${s}\u001b[${off}m` : s);
const bold = sgr('1', '22');
const dim = sgr('2', '22');
const cyan = sgr('36', '39');
const yellow = sgr('33', '39');

const ANSI = /\u001b\[[0-9;]*m/g;
const visibleLength = (s: string) => s.replace(ANSI, '').length;

/** Inline markdown: **bold**, `code`, [text](url), _emphasis_. */
function inline(text: string, color: boolean): string {
  return text
    // A label holds no bracket: each `[` then scans only to the next one (linear on "[[[[…").
    .replace(/\[([^[\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_, label: string, url: string) => `${label} (${url})`)
    .replace(/\*\*([^*\n]+)\*\*/g, (_, s: string) => bold(color, s))
    .replace(/`([^`\n]+)`/g, (m, s: string) => (color ? cyan(true, s) : m))
    .replace(/(^|\s)_([^_\n]+)_(?=$|[\s.,;:])/g, (_, before: string, s: string) => before + dim(color, s));
}

/**
 * Word-wraps one paragraph to `width`, continuation lines indented by `indent` spaces. Width is
 * measured without colour codes; a word longer than a line (a URL) gets a line of its own, unbroken.
 */
export function wrap(text: string, width: number, indent = 0, firstIndent = 0): string[] {
  const lines: string[] = [];
  let line = ' '.repeat(firstIndent);
  let length = firstIndent;
  let empty = true;
  for (const word of text.split(/ +/)) {
    if (word === '') continue;
    const w = visibleLength(word);
    if (!empty && length + 1 + w > width) {
      lines.push(line);
      line = ' '.repeat(indent);
      length = indent;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    length += empty ? w : 1 + w;
    empty = false;
  }
  lines.push(line);
  return lines;
}

const FENCE = /^(`{3,})(\w*)$/;
const LIST_ITEM = /^(\s*)([-*]|\d+\.) (.*)$/;

/** Renders the markdown reply for a terminal. */
export function renderForTerminal(markdown: string, style: TerminalStyle): string {
  const width = Math.max(40, style.columns - 1);
  const { color } = style;
  const out: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      // Up to the closing fence of the same length: indented, not wrapped, so it can be copied.
      for (i++; i < lines.length && lines[i] !== fence[1]; i++) out.push(`    ${cyan(color, lines[i]!)}`);
      continue;
    }
    const heading = /^#{1,6} (.*)$/.exec(line);
    if (heading) {
      out.push(...wrap(bold(color, inline(heading[1]!, false)), width));
      continue;
    }
    const quote = /^> ?(.*)$/.exec(line);
    if (quote) {
      out.push(...wrap(yellow(color, inline(quote[1]!, color)), width, 2));
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const marker = item[2] === '-' || item[2] === '*' ? '•' : item[2]!;
      const lead = item[1]!.length + 2;
      out.push(...wrap(`${marker} ${inline(item[3]!, color)}`, width, lead + marker.length + 1, lead));
      continue;
    }
    out.push(line.trim() === '' ? '' : wrap(inline(line, color), width).join('\n'));
  }
  return out.join('\n');
}
