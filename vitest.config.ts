import { defineConfig } from 'vitest/config';

// Two projects: backend code runs in Node, frontend code in jsdom. One PostgreSQL server serves
// the whole run; each database test gets its own database on it.
const shared = {
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // 2-core machines: keep parallelism modest so server-starting tests do not starve.
    maxWorkers: 2,
    globalSetup: ['packages/backend-test-utils/src/database/globalSetup.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          environment: 'node',
          include: ['packages/*/src/**/*.test.ts', 'plugins/*/src/**/*.test.ts'],
        },
      },
      {
        test: {
          ...shared,
          name: 'browser',
          environment: 'jsdom',
          include: ['packages/*/src/**/*.test.tsx', 'plugins/*/src/**/*.test.tsx'],
        },
      },
    ],
  },
});
