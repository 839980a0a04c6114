#!/usr/bin/env node
// Cold start of the production backend: time from `node packages/backend/dist/index.mjs` to a
// 200 from the readiness endpoint, idle RSS once ready, and time to exit after SIGTERM.
//
//   yarn build && node bench/startup/startup.mjs [--runs 7] [--write]
//
// Each run is a new process on a free loopback port with SQLite in memory and the shipped
// plugins (app, auth with guest and OIDC modules). Compared with what shared/bench measured for
// Backstage 1.55.0 on this machine: cold start to readiness ~7.5 s median, idle RSS ~480 MiB.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assertFreshBundle, backendBundle as bundle, repoDir } from '../lib/bundle.mjs';
import { freePort, memoryMiB } from '../lib/process.mjs';
import { updateResultsSection } from '../lib/results.mjs';

const BACKSTAGE = { readyMs: 7500, idleRssMiB: 480 };

async function oneRun(overlayDir) {
  const port = await freePort();
  const overlay = join(overlayDir, `bench-${port}.yaml`);
  writeFileSync(
    overlay,
    [
      'app:',
      `  baseUrl: http://127.0.0.1:${port}`,
      'backend:',
      `  baseUrl: http://127.0.0.1:${port}`,
      `  listen: { host: 127.0.0.1, port: ${port} }`,
      "  database: { client: better-sqlite3, connection: ':memory:' }",
      '  logger: { level: warn }',
    ].join('\n'),
  );
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [bundle, '--config', join(repoDir, 'app-config.yaml'), '--config', overlay],
    {
      cwd: repoDir,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', chunk => (stderr += chunk));
  const exited = new Promise(resolveExit => child.on('exit', code => resolveExit(code)));
  const url = `http://127.0.0.1:${port}/.backstage/health/v1/readiness`;
  let readyMs;
  // Bounded: 30 s at most, then the run counts as failed.
  while (performance.now() - started < 30_000) {
    if (child.exitCode !== null) break;
    const ok = await fetch(url).then(
      r => r.status === 200,
      () => false,
    );
    if (ok) {
      readyMs = performance.now() - started;
      break;
    }
    await new Promise(r => setTimeout(r, 5));
  }
  if (readyMs === undefined) {
    child.kill('SIGKILL');
    throw new Error(
      `backend did not become ready: ${stderr.trim().split('\n').at(-1) ?? 'no output'}`,
    );
  }
  await new Promise(r => setTimeout(r, 1000));
  const idleRss = memoryMiB(child.pid).rss;
  const stopping = performance.now();
  child.kill('SIGTERM');
  const code = await exited;
  const stopMs = performance.now() - stopping;
  if (code !== 0) throw new Error(`backend exited with ${code} after SIGTERM`);
  return { readyMs, idleRss, stopMs };
}

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '7' },
      write: { type: 'boolean', default: false },
      results: { type: 'string', default: join(repoDir, 'bench', 'RESULTS.md') },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs must be 1..50');
  assertFreshBundle();

  const overlayDir = mkdtempSync(join(tmpdir(), 'greenroom-startup-'));
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const run = await oneRun(overlayDir);
      results.push(run);
      console.log(
        `run ${i + 1}: ready in ${run.readyMs.toFixed(0)} ms, idle RSS ${run.idleRss.toFixed(0)} MiB, stopped in ${run.stopMs.toFixed(0)} ms`,
      );
    }
  } finally {
    rmSync(overlayDir, { recursive: true, force: true });
  }
  const ready = median(results.map(r => r.readyMs));
  const rss = median(results.map(r => r.idleRss));
  const stop = median(results.map(r => r.stopMs));
  const readyRatio = BACKSTAGE.readyMs / ready;
  const rssRatio = BACKSTAGE.idleRssMiB / rss;
  console.log(
    `\nmedian of ${runs}: ready in ${ready.toFixed(0)} ms (${readyRatio.toFixed(1)}x faster than Backstage's ~7.5 s), ` +
      `idle RSS ${rss.toFixed(0)} MiB (${rssRatio.toFixed(1)}x smaller than ~480 MiB), stop ${stop.toFixed(0)} ms`,
  );

  if (values.write) {
    const file = resolve(values.results);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
    const row = `| backend (prod bundle, SQLite) | ${ready.toFixed(0)} ms | ${readyRatio.toFixed(1)}x | ${rss.toFixed(0)} MiB | ${rssRatio.toFixed(1)}x | ${stop.toFixed(0)} ms | ${runs} | ${new Date().toISOString().slice(0, 10)} | ${process.version} |`;
    writeFileSync(
      file,
      updateResultsSection(text, {
        section: '## Backend cold start',
        intro: [
          'Median over fresh processes of the production bundle (`yarn build`, then',
          '`node bench/startup/startup.mjs --write`): spawn to a 200 from the readiness endpoint,',
          'RSS one second after, and SIGTERM to exit. Ratios compare with Backstage 1.55.0 on this',
          'machine as recorded in shared/bench (cold start ~7.5 s median, idle RSS ~480 MiB).',
        ],
        header: [
          '| Backend | Ready after | vs Backstage | Idle RSS | vs Backstage | Stop | Runs | Measured | Node |',
          '|---|---:|---:|---:|---:|---:|---:|---|---|',
        ],
        label: 'backend (prod bundle, SQLite)',
        row,
      }),
    );
    console.log(`Recorded in ${values.results}`);
  }
}

main().catch(error => {
  console.error(`startup bench failed: ${error.message}`);
  process.exit(1);
});
