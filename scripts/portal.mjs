#!/usr/bin/env node
// The front door: `yarn start`, `yarn test`, `yarn build` (or `npm start`/`npm test` on a machine
// without Yarn). Each command installs what it needs first, so it works on a fresh clone.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureDebianPackage, ensureNodePackages, postgresInstalled } from './lib/ensure.mjs';
import { commandExists, rootDir, run, runOrExit, start, step, yarnArgs } from './lib/run.mjs';
import { playwrightCounts, vitestCounts } from './lib/testSummary.mjs';

const [command, ...args] = process.argv.slice(2);
const backendEntry = join(rootDir, 'packages', 'backend', 'src', 'index.ts');
const backendBundle = join(rootDir, 'packages', 'backend', 'dist', 'index.mjs');
const bin = name => join(rootDir, 'node_modules', '.bin', name);
const appDir = join(rootDir, 'packages', 'app');

async function build() {
  step('Building every package for production');
  await runOrExit(
    process.execPath,
    yarnArgs(
      'workspaces',
      'foreach',
      '--all',
      '--topological-dev',
      '--exclude',
      'greenroom',
      'run',
      'build',
    ),
  );
}

/** Development: TypeScript sources through tsx, restarted on change. */
function backendDev(extraArgs) {
  return start(bin('tsx'), ['watch', '--clear-screen=false', backendEntry, ...extraArgs], {
    env: { NODE_ENV: process.env.NODE_ENV ?? 'development' },
  });
}

async function startBackendDev(extraArgs) {
  step('Starting the Greenroom backend (development, embedded SQLite)');
  process.exitCode = await backendDev(extraArgs).exit;
}

/** `--config` paths made absolute: the dev server runs in packages/app, not where the user typed. */
function absoluteConfigArgs(args) {
  return args.map((arg, i) => {
    if (args[i - 1] === '--config') return resolve(arg);
    if (arg.startsWith('--config=')) return `--config=${resolve(arg.slice('--config='.length))}`;
    return arg;
  });
}

/** The whole portal in development: the backend and the app's Vite dev server, side by side. */
async function startPortalDev(extraArgs) {
  step('Starting Greenroom (development): backend on :7007, app on :3000 with guest sign-in');
  const children = [
    backendDev(extraArgs),
    start(bin('vite'), ['--configLoader', 'runner', '--port', '3000', '--strictPort'], {
      cwd: appDir,
      env: {
        NODE_ENV: 'development',
        GREENROOM_CONFIG_ARGS: JSON.stringify(absoluteConfigArgs(extraArgs)),
      },
    }),
  ];
  console.log('\n    Open http://localhost:3000 once both servers are up (Ctrl+C stops both)\n');
  // When one stops, stop the other: a half-running portal only confuses.
  const code = await Promise.race(children.map(c => c.exit));
  for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map(c => c.exit));
  process.exitCode = code;
}

async function startProduction(extraArgs) {
  // Always build: a bundle left from older sources would run old code without saying so.
  await build();
  const configArgs = extraArgs.length
    ? extraArgs
    : ['--config', 'app-config.yaml', '--config', 'app-config.production.yaml'];
  step(`Starting the Greenroom backend (production): ${configArgs.join(' ')}`);
  process.exitCode = await run(process.execPath, [backendBundle, ...configArgs], {
    env: { NODE_ENV: 'production' },
  });
}

async function test(extraArgs) {
  const chromium = await ensureDebianPackage({
    present: () => commandExists('chromium'),
    pkg: 'chromium',
    why: 'browser tests',
  });
  await ensureDebianPackage({
    present: postgresInstalled,
    pkg: 'postgresql',
    why: 'database tests on PostgreSQL',
  });

  const reports = join(rootDir, 'test-results', 'reports');
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  const vitestReport = join(reports, 'vitest.json');
  const playwrightReport = join(reports, 'playwright.json');

  step('Unit and integration tests (vitest, SQLite and PostgreSQL)');
  const unitCode = await run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport}`,
    ...extraArgs,
  ]);

  let e2eCode = 1;
  if (chromium) {
    step('Browser tests (Playwright in Chromium)');
    e2eCode = await run(bin('playwright'), ['test'], {
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport, GREENROOM_PLAYWRIGHT_JSON: '1' },
    });
  } else {
    console.error('Chromium is missing: browser tests could not run.');
  }

  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const [name, counts, code] of [
    ['vitest', vitestCounts(vitestReport), unitCode],
    ['playwright', playwrightCounts(playwrightReport), e2eCode],
  ]) {
    if (!counts) {
      console.error(`${name} wrote no report (exit code ${code}): counting it as one failure`);
      totals.failed += 1;
      continue;
    }
    // A suite that failed to load has no test counts of its own: count it so it is not lost.
    const failed =
      counts.failed + (code !== 0 && counts.failed === 0 ? Math.max(1, counts.failedSuites) : 0);
    console.log(`${name}: ${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped`);
    totals.passed += counts.passed;
    totals.failed += failed;
    totals.skipped += counts.skipped;
  }
  console.log(
    `\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
  );
  process.exitCode = totals.failed === 0 && unitCode === 0 && e2eCode === 0 ? 0 : 1;
}

/**
 * What the Playwright specs run against: a fresh production build, started twice on the e2e
 * overlay: on GREENROOM_E2E_PORT with guest sign-in allowed by the dangerous flag, and on the
 * next port without it (what a real production deployment does).
 */
async function e2eServer() {
  await build();
  if (!existsSync(backendBundle)) throw new Error('The build did not produce the backend bundle');
  const port = Number(process.env.GREENROOM_E2E_PORT ?? 7017);
  const e2eConfig = ['--config', 'app-config.yaml', '--config', 'playwright/app-config.e2e.yaml'];
  const strictConfig = [...e2eConfig, '--config', 'playwright/app-config.e2e-strict.yaml'];
  const servers = [
    start(process.execPath, [backendBundle, ...e2eConfig], {
      env: { NODE_ENV: 'production', GREENROOM_E2E_PORT: String(port) },
    }),
    start(process.execPath, [backendBundle, ...strictConfig], {
      env: { NODE_ENV: 'production', GREENROOM_E2E_PORT: String(port + 1) },
    }),
  ];
  const stopAll = () =>
    servers.forEach(({ child }) => child.exitCode === null && child.kill('SIGTERM'));
  process.on('SIGTERM', stopAll);
  process.on('SIGINT', stopAll);
  process.exitCode = await Promise.race(servers.map(s => s.exit));
  stopAll();
}

const commands = {
  start: () => startPortalDev(args),
  'start-backend': () => startBackendDev(args),
  'start-prod': () => startProduction(args),
  build,
  test: () => test(args),
  'e2e-server': e2eServer,
};

if (!commands[command]) {
  console.error(`Usage: node scripts/portal.mjs <${Object.keys(commands).join('|')}> [args]`);
  process.exit(2);
}
await ensureNodePackages();
await commands[command]();
