import { defineConfig } from 'vitest/config';

// Browser tests drive the real Debian Chromium against the built app (npm run build first).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60000,
    hookTimeout: 60000,
    fileParallelism: false,
  },
});
