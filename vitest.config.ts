// Test runner settings: unit tests (*.test.ts) and integration tests (*.int.test.ts) under test/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
