import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The config lives in test/ so the repository root keeps only the documented top-level names.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start real loopback servers; give them room but keep the suite bounded.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
