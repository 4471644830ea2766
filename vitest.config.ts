import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A cap, not a speed check: CLI, browser, editor and install tests spawn processes and must not fail on a loaded 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
