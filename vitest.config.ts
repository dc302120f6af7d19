import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    // Two files at a time: on the 2-core machines the suite runs on, one worker leaves ~40% of the CPU idle while a
    // test waits on SQLite's fsync, PostgreSQL or Chromium (measured: the six Node-line API files take 62 s with two
    // workers, 98 s with one, 73 s with three). TEST_WORKERS overrides it; `--maxWorkers` on the command line wins.
    maxWorkers: Number(process.env.TEST_WORKERS) || 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ['tests/**/*.test.ts'],
    // Responses that do not match /openapi.json fail the test that received them (tests/helpers/contract.ts); the
    // folders a test file makes in the temporary directory are removed after it (tests/helpers/scratch.ts).
    setupFiles: ['tests/helpers/contract-setup.ts', 'tests/helpers/scratch-setup.ts'],
  },
});
