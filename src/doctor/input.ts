/** Largest paste read at all; beyond it the middle is dropped before redaction (bounded time). */
export const MAX_RAW_CHARS = 1_000_000;

/** Cuts at whitespace so a secret is never split into a half that redaction cannot recognise. */
export function capRaw(text: string): { text: string; cut: boolean } {
  if (text.length <= MAX_RAW_CHARS) return { text, cut: false };
  const headEnd = text.lastIndexOf(' ', MAX_RAW_CHARS / 4);
  const tailStart = text.indexOf(' ', text.length - (MAX_RAW_CHARS * 3) / 4);
  const head = text.slice(0, headEnd > 0 ? headEnd : MAX_RAW_CHARS / 4);
  const tail = text.slice(tailStart > 0 ? tailStart : text.length - (MAX_RAW_CHARS * 3) / 4);
  return { text: `${head}\n[… cut …]\n${tail}`, cut: true };
}
