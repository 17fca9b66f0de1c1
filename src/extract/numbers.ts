/** Numbers inside an error message, thousands separators removed: "30,000 input tokens" -> 30000. */
export function extractNumbers(message: string | null): number[] {
  // Most messages name no number: one cheap scan instead of the lookbehinds at every position.
  if (!message || !/\d/.test(message)) return [];
  const out: number[] = [];
  for (const m of message.matchAll(/(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\w.-])\d+(?:\.\d+)?(?![\w-])/g)) {
    const n = Number(m[0].replace(/,/g, ''));
    if (Number.isFinite(n)) out.push(n);
    if (out.length >= 16) break;
  }
  return out;
}
