// Test runner settings: unit tests (*.test.ts) and integration tests (*.int.test.ts) under test/.
//
// Fit for CI's 2-core machine, which may be busy with other work: at most two test files at once, each in a process of
// its own (forks: a worker stuck in a JVM start or a long synchronous step cannot starve the others' messages to the
// runner), and timeouts that a loaded machine meets. DynamoDB Local starts once per integration file (useTestDynamo),
// which is the one slow start; its time sits in hookTimeout, not in a test's.
import os from 'node:os';
import { defineConfig } from 'vitest/config';

const cores = os.availableParallelism();

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: Math.max(1, Math.min(2, cores)),
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
