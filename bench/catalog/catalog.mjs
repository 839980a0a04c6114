#!/usr/bin/env node
// Greenroom's catalog benchmark: N generated entities registered as one file location, the time
// until all are queryable, p50/p95/p99 and throughput of the standard catalog queries, and the
// backend's RSS. See bench/catalog/README.md.
//
//   yarn build && node bench/catalog/catalog.mjs --n 10000 --db sqlite|postgres [--write]
//   node bench/catalog/catalog.mjs --serve --db sqlite            # a bench backend, until Ctrl+C
//   node bench/catalog/catalog.mjs --base URL --dir DIR [--token T] [--pid PID] --n 1000
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoDir } from './backend.mjs';
import { ownBackend } from './ownBackend.mjs';
import { memoryMiB } from '../lib/process.mjs';
import { RUN_ANNOTATION, writeCatalogFile } from './generate.mjs';
import {
  concurrent,
  createClient,
  guestToken,
  ingest,
  sequential,
  standardQueries,
  waitForReverseRelations,
} from './measure.mjs';
import { BACKSTAGE, formatTable, recordResults } from './report.mjs';

const DB_LABELS = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

function readOptions() {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '1000' },
      db: { type: 'string', default: 'sqlite' },
      write: { type: 'boolean', default: false },
      results: { type: 'string', default: join(repoDir, 'bench', 'RESULTS.md') },
      json: { type: 'string' },
      serve: { type: 'boolean', default: false },
      base: { type: 'string' },
      token: { type: 'string' },
      pid: { type: 'string' },
      dir: { type: 'string' },
      seq: { type: 'string', default: '500' },
      warmup: { type: 'string', default: '20' },
      conc: { type: 'string', default: '16' },
      'conc-count': { type: 'string', default: '2000' },
      'conc-seconds': { type: 'string', default: '20' },
      'poll-ms': { type: 'string', default: '250' },
      'timeout-s': { type: 'string', default: '1800' },
    },
  });
  const count = (name, min, max) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    }
    return value;
  };
  if (!DB_LABELS[values.db]) throw new Error('--db must be sqlite or postgres');
  if (values.base && !values.dir) {
    throw new Error(
      "--base needs --dir: a directory inside the backend's catalog.registration.fileRoots",
    );
  }
  if (values.write && values.base) {
    throw new Error(
      '--write records only runs on a backend this tool started (known bundle and database)',
    );
  }
  return {
    ...values,
    n: count('n', 10, 1_000_000),
    seq: count('seq', 1, 100_000),
    warmup: count('warmup', 0, 10_000),
    conc: count('conc', 1, 256),
    concCount: count('conc-count', 1, 1_000_000),
    concSeconds: count('conc-seconds', 1, 3600),
    pollMs: count('poll-ms', 10, 60_000),
    timeoutMs: count('timeout-s', 1, 86_400) * 1000,
  };
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Until the run can stop gracefully, a signal exits through the 'exit' hooks (backend, PostgreSQL, files). */
const exitOnSignal = () => process.exit(130);

async function serve(options) {
  const backend = await ownBackend(options.db);
  process.off('SIGINT', exitOnSignal).off('SIGTERM', exitOnSignal);
  console.log(`Bench backend (${backend.dbDescription}) at ${backend.base}, pid ${backend.pid}`);
  console.log(
    `Register files under ${backend.dataDir}; guest sign-in is on. Ctrl+C stops it and deletes everything.`,
  );
  await new Promise(resolveStop => {
    process.once('SIGINT', resolveStop);
    process.once('SIGTERM', resolveStop);
  });
  await backend.close();
}

async function measureRun(options, target) {
  const { n } = options;
  mkdirSync(target.dataDir, { recursive: true });
  const file = join(resolve(target.dataDir), `catalog-${n}.yaml`);
  const catalog = writeCatalogFile(file, n);
  console.log(
    `Generated ${n} entities (${(catalog.bytesPerEntity / 1000).toFixed(2)} KB each: ${Object.entries(
      catalog.counts,
    )
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ')}) in ${file}`,
  );
  const token = options.token ?? process.env.BENCH_TOKEN ?? (await guestToken(target.base));
  const client = createClient(target.base, token, Math.max(options.conc, 4));
  try {
    const already = await client.json(
      'GET',
      `/api/catalog/entities/by-query?limit=1&filter=${encodeURIComponent(`metadata.annotations.${RUN_ANNOTATION}=${catalog.run}`)}`,
    );
    if (already.totalItems > 0) {
      throw new Error(
        `the catalog already holds ${already.totalItems} entities of run ${catalog.run}: measure a fresh backend`,
      );
    }
    const loadBefore = loadAverage();
    console.log(
      `Registering the file and waiting until all ${n} are queryable (load ${loadBefore})`,
    );
    let reported = 0;
    const ingested = await ingest(client, {
      file,
      n,
      run: catalog.run,
      pid: target.pid,
      pollMs: options.pollMs,
      timeoutMs: options.timeoutMs,
      // A line every 10 s, so a stalled ingestion shows instead of looking like a hang.
      onProgress(visible, elapsedMs) {
        if (elapsedMs - reported < 10_000) return;
        reported = elapsedMs;
        console.log(`  ${visible} of ${n} queryable after ${(elapsedMs / 1000).toFixed(0)} s`);
      },
    });
    console.log(
      ingested.complete
        ? `All ${n} queryable after ${(ingested.allVisibleMs / 1000).toFixed(2)} s (registration answered in ${ingested.registerMs.toFixed(0)} ms)`
        : `Only ${ingested.visible} of ${n} queryable after ${(ingested.allVisibleMs / 1000).toFixed(0)} s`,
    );
    // Queries are measured on a finished catalog: relation targets are restitched after their
    // sources became queryable, and that work would otherwise be timed as query latency.
    if (ingested.complete) {
      ingested.relationsCompleteMs = await waitForReverseRelations(
        client,
        catalog.reverseRelations,
        { startedAt: ingested.startedAt, pollMs: options.pollMs, timeoutMs: options.timeoutMs },
      );
      console.log(
        ingested.relationsCompleteMs === undefined
          ? 'Relation targets not restitched within the timeout'
          : `Relation targets restitched after ${(ingested.relationsCompleteMs / 1000).toFixed(2)} s (${catalog.reverseRelations.length} sampled relations)`,
      );
    }
    const memory = { afterIngest: memoryMiB(target.pid) };

    const queries = [];
    for (const query of standardQueries(catalog)) {
      const probe = query.next();
      const sample = await client
        .json(probe.method, probe.path, probe.body)
        .catch(error => ({ error: error.message }));
      const seq = await sequential(client, query, { count: options.seq, warmup: options.warmup });
      const conc = await concurrent(client, query, {
        concurrency: options.conc,
        count: options.concCount,
        seconds: options.concSeconds,
      });
      queries.push({ ...query, sample: describeSample(sample), sequential: seq, concurrent: conc });
      console.log(
        `  ${query.label}: p50 ${seq.p50.toFixed(2)} ms, p99 ${seq.p99.toFixed(2)} ms; ${conc.rps.toFixed(0)} req/s at c${options.conc}; ${describeSample(sample)}`,
      );
    }
    memory.afterQueries = memoryMiB(target.pid);
    return {
      n,
      db: options.db,
      dbLabel: DB_LABELS[options.db],
      dbDescription: target.dbDescription ?? `backend at ${target.base}`,
      bytesPerEntity: catalog.bytesPerEntity,
      settings: {
        seq: options.seq,
        warmup: options.warmup,
        conc: options.conc,
        concCount: options.concCount,
        concSeconds: options.concSeconds,
      },
      ingest: ingested,
      memory,
      queries,
      loadBefore,
      loadAfter: loadAverage(),
    };
  } finally {
    client.close();
  }
}

/** What a probe response held, so a run that measured empty answers says so. */
function describeSample(body) {
  if (body.error) return `probe failed: ${body.error}`;
  if (body.totalItems !== undefined) return `${body.items.length} items of ${body.totalItems}`;
  if (body.facets) {
    return Object.entries(body.facets)
      .map(([facet, values]) => `${values.length} ${facet} values`)
      .join(', ');
  }
  if (Array.isArray(body.items))
    return `${body.items.filter(Boolean).length} of ${body.items.length} refs found`;
  return body.kind ? `found ${body.kind}` : 'unexpected body';
}

async function main() {
  const options = readOptions();
  process.once('SIGINT', exitOnSignal).once('SIGTERM', exitOnSignal);
  if (options.serve) return serve(options);

  const target = options.base
    ? {
        base: options.base,
        pid: options.pid ? Number(options.pid) : undefined,
        dataDir: options.dir,
      }
    : await ownBackend(options.db);
  let result;
  try {
    if (!options.base) {
      console.log(
        `Backend (${target.dbDescription}) ready in ${target.readyMs.toFixed(0)} ms at ${target.base}`,
      );
    }
    result = await measureRun(options, target);
  } finally {
    await target.close?.();
  }

  console.log(
    `\nCatalog bench: ${result.n.toLocaleString('en-US')} entities on ${result.dbDescription}\n`,
  );
  console.log(formatTable(result));
  console.log(
    `\nBackstage column: ${BACKSTAGE.source}. "Greenroom ahead": how many times faster, smaller or higher.`,
  );
  if (options.json) writeFileSync(options.json, JSON.stringify(result, null, 2));
  if (options.write) {
    const file = resolve(options.results);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
    writeFileSync(file, recordResults(text, result));
    console.log(`Recorded in ${file}`);
  }
}

main().catch(error => {
  console.error(`catalog bench failed: ${error.message}`);
  process.exit(1);
});
