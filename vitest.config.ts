import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ['tests/**/*.test.ts'],
    // Responses that do not match /openapi.json fail the test that received them (tests/helpers/contract.ts); the
    // folders a test file makes in the temporary directory are removed after it (tests/helpers/scratch.ts).
    setupFiles: ['tests/helpers/contract-setup.ts', 'tests/helpers/scratch-setup.ts'],
  },
});
