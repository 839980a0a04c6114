// The PostgreSQL side of a bench run: the server named by POSTGRES_HOST/PORT/USER/PASSWORD, or a
// throwaway cluster in a temp dir (started the way packages/backend-test-utils starts the test
// server). Each run gets fresh databases through a prefix of its own, dropped afterwards.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './backend.mjs';

const run = promisify(execFile);

/** The directory holding initdb and pg_ctl, newest installed version first. */
function findPostgresBinDir() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter(name => /^\d+(\.\d+)?$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions
    .map(version => join(root, version, 'bin'))
    .find(dir => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

/**
 * A fresh cluster on a free 127.0.0.1 port, with PostgreSQL's default durability (fsync on):
 * the bench measures what a deployment would see. As root, initdb and postgres run as `postgres`.
 */
async function startThrowawayCluster() {
  const binDir = findPostgresBinDir();
  if (!binDir) {
    throw new Error(
      'PostgreSQL is not installed and POSTGRES_HOST is not set: install postgresql or point POSTGRES_HOST/PORT/USER/PASSWORD at a server',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'greenroom-bench-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = flag => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const command = (bin, args) =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(binDir, bin), ...args]]
      : [join(binDir, bin), args];
  const exec = (bin, args) => run(...command(bin, args), { cwd: dir });
  const stopArgs = ['-D', dataDir, '-m', 'fast', '-w', 'stop'];
  const stopSync = () => {
    try {
      execFileSync(...command('pg_ctl', stopArgs), { stdio: 'ignore' });
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A crash or Ctrl+C, even mid-initdb, must not leave a server or its files behind.
  process.once('exit', stopSync);
  try {
    await exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k '${dir}'`;
    await exec('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options, 'start']);
    return {
      connection: { host: '127.0.0.1', port, user: 'postgres', password: '' },
      description: `throwaway PostgreSQL ${binDir.split('/').at(-2)} cluster (default settings)`,
      stop: async () => {
        process.off('exit', stopSync);
        await exec('pg_ctl', stopArgs).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    process.off('exit', stopSync);
    stopSync();
    throw new Error(`could not start a throwaway PostgreSQL: ${error.message}\n${log}`, {
      cause: error,
    });
  }
}

function serverFromEnv(env) {
  return {
    connection: {
      host: env.POSTGRES_HOST,
      port: Number(env.POSTGRES_PORT ?? 5432),
      user: env.POSTGRES_USER,
      password: env.POSTGRES_PASSWORD ?? '',
    },
    description: `PostgreSQL at ${env.POSTGRES_HOST}:${env.POSTGRES_PORT ?? 5432}`,
    stop: async () => {},
  };
}

/**
 * A PostgreSQL for one run: `connection` for backend.database, `prefix` for database names no
 * other run uses, `cleanup()` drops this run's databases and stops a throwaway server.
 */
export async function preparePostgres(env = process.env) {
  const server = env.POSTGRES_HOST ? serverFromEnv(env) : await startThrowawayCluster();
  const prefix = `bench_catalog_${process.pid}_${Date.now().toString(36)}_`;
  return {
    connection: server.connection,
    prefix,
    description: server.description,
    async cleanup() {
      const admin = new pg.Client({ ...server.connection, database: 'postgres' });
      try {
        await admin.connect();
        const { rows } = await admin.query(
          'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
          [prefix],
        );
        for (const { datname } of rows) {
          await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
        }
      } catch (error) {
        console.warn(`could not drop the bench databases (${prefix}*): ${error.message}`);
      } finally {
        await admin.end().catch(() => undefined);
        await server.stop();
      }
    },
  };
}
