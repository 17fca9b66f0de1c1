import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start real loopback servers; give them room but keep the suite bounded.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
