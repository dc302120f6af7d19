import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ['tests/**/*.test.ts'],
    // Responses that do not match /openapi.json fail the test that received them (tests/helpers/contract.ts).
    setupFiles: ['tests/helpers/contract-setup.ts'],
  },
});
