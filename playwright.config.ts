import { defineConfig } from '@playwright/test';

// Specs run in Debian's Chromium against a production build of the portal started by the
// webServer below (SQLite in memory, port 7017 so a dev portal on 7007 can keep running).
const port = Number(process.env.GREENROOM_E2E_PORT ?? 7017);
const reporter: NonNullable<Parameters<typeof defineConfig>[0]['reporter']> = process.env
  .GREENROOM_PLAYWRIGHT_JSON
  ? [['list'], ['json']]
  : [['list']];

export default defineConfig({
  testDir: 'playwright',
  // Not the default test-results/: the test command keeps its reports there.
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter,
  use: {
    baseURL: `http://localhost:${port}`,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node scripts/portal.mjs e2e-server',
    url: `http://localhost:${port}/.backstage/health/v1/readiness`,
    env: { GREENROOM_E2E_PORT: String(port) },
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
