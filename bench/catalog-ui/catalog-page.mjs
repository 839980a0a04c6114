#!/usr/bin/env node
// How fast the catalog page shows its first rows, and pages, in headless Chromium with N entities
// in the catalog (issue targets: first rows within 1.5 s of navigation, a page turn under 500 ms).
//
//   yarn build
//   node bench/catalog-ui/catalog-page.mjs --n 100000 [--db sqlite|postgres] [--runs 5] [--write]
//   node bench/catalog-ui/catalog-page.mjs --base http://127.0.0.1:7007   # an already loaded portal
//
// Each run opens a fresh browser context signed in as guest (cookie and local storage kept, HTTP
// cache empty), navigates to /catalog and waits for the first table row with an entity link; then
// turns pages with "Next page" and waits for the first row to change.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { repoDir } from '../catalog/backend.mjs';
import { writeCatalogFile } from '../catalog/generate.mjs';
import { createClient, guestToken, ingest, waitForReverseRelations } from '../catalog/measure.mjs';
import { ownBackend } from '../catalog/ownBackend.mjs';
import { updateResultsSection } from '../lib/results.mjs';

const TARGETS = { firstRowsMs: 1500, pageTurnMs: 500 };
const ROW = 'table tbody tr a[href*="/catalog/"]';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function readOptions() {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '100000' },
      db: { type: 'string', default: 'sqlite' },
      runs: { type: 'string', default: '5' },
      pages: { type: 'string', default: '5' },
      base: { type: 'string' },
      write: { type: 'boolean', default: false },
      results: { type: 'string', default: join(repoDir, 'bench', 'RESULTS.md') },
    },
  });
  const n = Number(values.n);
  const runs = Number(values.runs);
  const pages = Number(values.pages);
  if (!Number.isInteger(n) || n < 10) throw new Error('--n must be a whole number ≥ 10');
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs must be 1..50');
  if (!Number.isInteger(pages) || pages < 1 || pages > 50) throw new Error('--pages must be 1..50');
  if (!['sqlite', 'postgres'].includes(values.db)) throw new Error('--db is sqlite or postgres');
  if (values.write && values.base) throw new Error('--write needs a run on a backend of its own');
  return { ...values, n, runs, pages };
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const max = values => Math.max(...values);

/** Signs in as guest through the public bundle once; later contexts reuse the state. */
async function signedInState(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/catalog`);
  await page.getByRole('button', { name: /enter as guest/i }).click();
  await page.locator(ROW).first().waitFor({ timeout: 60_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

async function oneRun(browser, base, state, pages) {
  const context = await browser.newContext({
    storageState: state,
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(`${base}/catalog`, { waitUntil: 'commit' });
  await page.locator(ROW).first().waitFor({ timeout: 60_000 });
  const firstRowsMs = performance.now() - started;
  const pageTurns = [];
  for (let i = 0; i < pages; i++) {
    const before = await page.locator(ROW).first().getAttribute('href');
    const turned = performance.now();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForFunction(
      ([selector, previous]) => {
        const first = globalThis.document.querySelector(selector);
        return first !== null && first.getAttribute('href') !== previous;
      },
      [ROW, before],
      { timeout: 30_000 },
    );
    pageTurns.push(performance.now() - turned);
  }
  await context.close();
  return { firstRowsMs, pageTurns };
}

async function loadCatalog(options) {
  const backend = await ownBackend(options.db);
  try {
    const file = join(resolve(backend.dataDir), `catalog-${options.n}.yaml`);
    const catalog = writeCatalogFile(file, options.n);
    const client = createClient(backend.base, await guestToken(backend.base));
    console.log(`Ingesting ${options.n} entities into ${backend.dbDescription}…`);
    const ingested = await ingest(client, {
      file,
      n: options.n,
      run: catalog.run,
      pid: backend.pid,
    });
    if (!ingested.complete)
      throw new Error(`only ${ingested.visible} of ${options.n} entities became queryable`);
    console.log(`All queryable after ${(ingested.allVisibleMs / 1000).toFixed(1)} s`);
    // The page is measured on a finished catalog, not while relation targets are restitched.
    const stitched = await waitForReverseRelations(client, catalog.reverseRelations, {
      startedAt: ingested.startedAt,
    });
    if (stitched === undefined) throw new Error('relation targets were not restitched in time');
    console.log(`Relation targets restitched after ${(stitched / 1000).toFixed(1)} s`);
    return backend;
  } catch (error) {
    await backend.close();
    throw error;
  }
}

async function main() {
  const options = readOptions();
  const backend = options.base ? undefined : await loadCatalog(options);
  const base = options.base ?? backend.base;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  const runs = [];
  try {
    const state = await signedInState(browser, base);
    for (let i = 0; i < options.runs; i++) {
      const run = await oneRun(browser, base, state, options.pages);
      console.log(
        `run ${i + 1}: first rows ${run.firstRowsMs.toFixed(0)} ms, page turns ${run.pageTurns.map(ms => ms.toFixed(0)).join(' / ')} ms`,
      );
      runs.push(run);
    }
  } finally {
    await browser.close();
    await backend?.close();
  }
  const first = runs.map(run => run.firstRowsMs);
  const turns = runs.flatMap(run => run.pageTurns);
  const verdict = (value, target) => (value <= target ? 'met' : 'MISSED');
  const summary = {
    firstMedian: median(first),
    firstWorst: max(first),
    turnMedian: median(turns),
    turnWorst: max(turns),
  };
  console.log(
    `\nCatalog page with ${options.n} entities (${options.base ?? options.db}), ${options.runs} runs:`,
  );
  console.log(
    `  first rows after navigation: median ${summary.firstMedian.toFixed(0)} ms, worst ${summary.firstWorst.toFixed(0)} ms (target ≤ ${TARGETS.firstRowsMs} ms: ${verdict(summary.firstWorst, TARGETS.firstRowsMs)})`,
  );
  console.log(
    `  page turn: median ${summary.turnMedian.toFixed(0)} ms, worst ${summary.turnWorst.toFixed(0)} ms over ${turns.length} turns (target < ${TARGETS.pageTurnMs} ms: ${verdict(summary.turnWorst, TARGETS.pageTurnMs)})`,
  );
  if (options.write) {
    const file = resolve(options.results);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
    writeFileSync(
      file,
      updateResultsSection(text, {
        section: '## Catalog page in Chromium',
        intro: [
          '`node bench/catalog-ui/catalog-page.mjs --n N --db DB --write`: production build, headless',
          'Chromium, signed in as guest, empty HTTP cache per run; time from navigation to /catalog to',
          'the first table row with an entity link, and from "Next page" to the next page\'s first row.',
          'Targets: first rows ≤ 1.5 s and page turns < 500 ms at 100,000 entities.',
        ],
        header: [
          '| entities, database | first rows, median / worst | page turn, median / worst | runs × turns |',
          '|---|---|---|---|',
        ],
        label: `${options.n.toLocaleString('en-US')}, ${options.db}`,
        row: `| ${options.n.toLocaleString('en-US')}, ${options.db} | ${summary.firstMedian.toFixed(0)} / ${summary.firstWorst.toFixed(0)} ms | ${summary.turnMedian.toFixed(0)} / ${summary.turnWorst.toFixed(0)} ms | ${options.runs} × ${options.pages} |`,
      }),
    );
    console.log(`Recorded in ${options.results}`);
  }
}

main().catch(error => {
  console.error(`catalog page bench failed: ${error.message}`);
  process.exit(1);
});
