/** Numbers inside an error message, thousands separators removed: "30,000 input tokens" -> 30000. */
export function extractNumbers(message: string | null): number[] {
  if (!message) return [];
  const out: number[] = [];
  for (const m of message.matchAll(/(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\w.-])\d+(?:\.\d+)?(?![\w-])/g)) {
    const n = Number(m[0].replace(/,/g, ''));
    if (Number.isFinite(n)) out.push(n);
    if (out.length >= 16) break;
  }
  return out;
}
