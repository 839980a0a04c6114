import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'plugins/*/src/**/*.test.ts'],
    environment: 'node',
    // One PostgreSQL server for the whole run; each test gets its own database on it.
    globalSetup: ['packages/backend-test-utils/src/database/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // 2-core machines: keep parallelism modest so server-starting tests do not starve.
    maxWorkers: 2,
  },
});
