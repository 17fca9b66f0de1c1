/** Pastes built to make a backtracking regex explode (test/catalog/linear-time.test.ts, `npm run bench`). */
export const HOSTILE: Readonly<Record<string, string>> = {
  '64,000 backslashes': '\\'.repeat(64_000),
  '64k digits after "prompt is too long: "': `prompt is too long: ${'9'.repeat(64_000)}`,
  '40,000 characters of mixed words': Array.from({ length: 5_000 }, (_, i) => ['error', 'rate', 'limit', 'API', 'Error:', '429', 'x-api-key', 'overloaded'][i % 8])
    .join(' ')
    .slice(0, 40_000),
};
