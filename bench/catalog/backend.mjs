// Starts the production backend bundle for one bench run: a free loopback port, a config of its
// own (no example locations, every kind allowed, file registration under the run's directory,
// guest sign-in) and SQLite files in that directory or fresh PostgreSQL databases.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { backendBundle as bundle, repoDir } from '../lib/bundle.mjs';
import { freePort } from '../lib/process.mjs';

export { assertFreshBundle } from '../lib/bundle.mjs';
export { freePort, repoDir };
const ALL_KINDS = [
  'Component',
  'System',
  'API',
  'Resource',
  'Location',
  'Domain',
  'Group',
  'User',
  'Template',
];

/** The whole config of the bench backend (no app-config.yaml: its example locations would count). */
function benchConfig({ port, dataDir, database }) {
  const db =
    database.client === 'pg'
      ? // Shipped pool defaults: the bench measures what a deployment gets without tuning.
        { client: 'pg', prefix: database.prefix, connection: database.connection }
      : { client: 'better-sqlite3', connection: { directory: join(dataDir, 'sqlite') } };
  const url = `http://127.0.0.1:${port}`;
  return {
    app: { title: 'Greenroom catalog bench', baseUrl: url },
    organization: { name: 'Bench' },
    backend: {
      baseUrl: url,
      listen: { host: '127.0.0.1', port },
      database: db,
      logger: { level: 'warn' },
      // The 100,000-entity file is ~117 MB, over the 32 MiB default read limit.
      reading: { maxBytes: 256 * 1024 * 1024 },
    },
    catalog: {
      locations: [],
      rules: [{ allow: ALL_KINDS }],
      registration: { fileRoots: [dataDir] },
    },
    // Guest sign-in on a production bundle: only for a throwaway bench backend.
    auth: { providers: { guest: { dangerouslyAllowOutsideDevelopment: true } } },
  };
}

/**
 * Starts the backend and resolves once it is ready: `{ base, pid, stop(), logTail() }`.
 * `database` is `{ client: 'better-sqlite3' }` or `{ client: 'pg', connection, prefix }`.
 */
export async function startBackend({ dataDir, database, readyTimeoutMs = 60_000 }) {
  const port = await freePort();
  const configFile = join(dataDir, 'app-config.bench.json');
  // JSON is YAML: the config loader reads it like any app-config file.
  writeFileSync(configFile, JSON.stringify(benchConfig({ port, dataDir, database }), null, 2));
  // BENCH_NODE_ARGS: extra Node flags for the backend only, e.g. `--cpu-prof` to profile it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, bundle, '--config', configFile], {
    cwd: repoDir,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = chunk => {
    // Only the tail matters (errors at the end); bounded so a chatty backend cannot grow it.
    output = (output + chunk).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise(resolveExit =>
    child.on('exit', (code, signal) => resolveExit(code ?? signal)),
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  while (performance.now() - started < readyTimeoutMs) {
    if (child.exitCode !== null) break;
    const ready = await fetch(`${base}/.backstage/health/v1/readiness`).then(
      response => response.status === 200,
      () => false,
    );
    if (ready) {
      return {
        base,
        pid: child.pid,
        readyMs: performance.now() - started,
        logTail: () => output,
        /** Resolves to the exit code (0 after a clean shutdown) or the signal that ended it. */
        async stop() {
          process.off('exit', killOnExit);
          if (child.exitCode === null) child.kill('SIGTERM');
          let killed = false;
          const timer = setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, 10_000);
          const code = await exited;
          clearTimeout(timer);
          return killed ? `SIGKILL: no exit within 10 s of SIGTERM` : code;
        },
      };
    }
    await new Promise(r => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  process.off('exit', killOnExit);
  throw new Error(
    `the backend did not become ready:\n${output.trim().split('\n').slice(-10).join('\n')}`,
  );
}
