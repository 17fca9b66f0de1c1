import { StringDecoder } from 'node:string_decoder';

/** What the keyboard (or a paste) did, once escape sequences and control keys are told apart. */
export type KeyEvent =
  | { kind: 'text'; text: string }
  /** Everything between the terminal's bracketed-paste markers: one paste, newlines included. */
  | { kind: 'paste'; text: string }
  | { kind: 'enter' }
  | { kind: 'backspace' }
  /** Ctrl-D. */
  | { kind: 'send' }
  /** Ctrl-C. */
  | { kind: 'quit' }
  /** Ctrl-L. */
  | { kind: 'clear' }
  /** Ctrl-U. */
  | { kind: 'kill-line' };

const ESC = '\u001b';
const PASTE_START = `${ESC}[200~`;
const PASTE_END = `${ESC}[201~`;
/** CSI: ESC [ parameters intermediates final; SS3: ESC O final; Alt+key: ESC and one character. */
const ESCAPE_SEQUENCE = /^\u001b(?:\[[0-?]*[ -/]*[@-~]|O[\s\S]|[^[O])/;
/** An escape sequence cut at the end of a chunk: wait for the rest. */
const PARTIAL_ESCAPE = /^\u001b(?:\[[0-?]*[ -/]*|O)?$/;

const CONTROL_KEYS: Readonly<Record<string, KeyEvent>> = {
  '\u0003': { kind: 'quit' },
  '\u0004': { kind: 'send' },
  '\u000c': { kind: 'clear' },
  '\u0015': { kind: 'kill-line' },
  '\u007f': { kind: 'backspace' },
  '\u0008': { kind: 'backspace' },
};

/**
 * Turns raw terminal input into key events. A terminal in raw mode sends Enter as CR, arrow keys
 * and function keys as escape sequences, and (with bracketed paste on, `ESC[?2004h`) wraps a paste
 * in `ESC[200~ … ESC[201~`. Sequences may be split across chunks, so unfinished ones are held.
 * Escape sequences other than the paste markers are dropped: they never land in the text.
 */
export class KeyReader {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private paste: string[] | null = null;

  feed(chunk: Buffer | string): KeyEvent[] {
    const s = this.pending + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const events: KeyEvent[] = [];
    let textStart = -1;
    const flushText = (end: number) => {
      if (textStart >= 0 && end > textStart) events.push({ kind: 'text', text: s.slice(textStart, end).replace(/[^\t\P{Cc}]/gu, '') });
      textStart = -1;
    };
    let i = 0;
    while (i < s.length) {
      if (this.paste) {
        const end = s.indexOf(PASTE_END, i);
        // Keep what may be the start of the end marker for the next chunk.
        const upTo = end >= 0 ? end : Math.max(i, s.length - (PASTE_END.length - 1));
        this.paste.push(s.slice(i, upTo));
        i = upTo;
        if (end < 0) break;
        events.push({ kind: 'paste', text: this.paste.join('').replace(/\r\n?/g, '\n') });
        this.paste = null;
        i += PASTE_END.length;
        continue;
      }
      const c = s[i]!;
      if (c === ESC) {
        flushText(i);
        const rest = s.slice(i, i + 32);
        if (rest.startsWith(PASTE_START)) {
          this.paste = [];
          i += PASTE_START.length;
          continue;
        }
        const sequence = ESCAPE_SEQUENCE.exec(rest);
        if (sequence) {
          i += sequence[0].length;
          continue;
        }
        if (i + rest.length === s.length && (PARTIAL_ESCAPE.test(rest) || PASTE_START.startsWith(rest))) break;
        i += 1;
        continue;
      }
      if (c === '\r' || c === '\n') {
        flushText(i);
        events.push({ kind: 'enter' });
        i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
        continue;
      }
      const control = CONTROL_KEYS[c];
      if (control) {
        flushText(i);
        events.push(control);
      } else if (textStart < 0) textStart = i;
      i += 1;
    }
    flushText(Math.min(i, s.length));
    this.pending = s.slice(i);
    return events;
  }
}
