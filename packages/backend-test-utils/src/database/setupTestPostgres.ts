import type { TestProject } from 'vitest/node';
import { findPostgresBinDir, startTemporaryPostgres } from './postgresServer';
import { POSTGRES_URL_ENV, POSTGRES_URL_KEY } from './providedContext';

export const MISSING_POSTGRES_MESSAGE = [
  '',
  '================================================================================',
  '  PostgreSQL is not installed: the PostgreSQL half of the database tests is SKIPPED.',
  '  Only SQLite was tested. Install PostgreSQL to run everything:',
  '',
  '      sudo apt-get install -y postgresql',
  '',
  `  or point ${POSTGRES_URL_ENV} at a server (postgres://user:password@host:port/postgres).`,
  '================================================================================',
  '',
].join('\n');

export interface SetupTestPostgresOptions {
  env?: NodeJS.ProcessEnv;
  /** Where initdb and pg_ctl live; undefined when PostgreSQL is not installed. */
  findBinDir?: () => Promise<string | undefined>;
}

/**
 * Provides the URL of the run's PostgreSQL server: `GREENROOM_TEST_PG_URL` if set, else a
 * server started here. Without PostgreSQL: null and a loud warning, or a failure under CI.
 * Returns the teardown.
 */
export async function setupTestPostgres(
  project: Pick<TestProject, 'provide'>,
  options: SetupTestPostgresOptions = {},
): Promise<() => Promise<void>> {
  const env = options.env ?? process.env;
  const external = env[POSTGRES_URL_ENV];
  if (external) {
    project.provide(POSTGRES_URL_KEY, external);
    return async () => {};
  }

  const binDir = await (options.findBinDir ?? findPostgresBinDir)();
  if (!binDir) {
    if (env.CI === 'true' || env.CI === '1') {
      throw new Error(`PostgreSQL is required when CI=true.${MISSING_POSTGRES_MESSAGE}`);
    }
    console.warn(MISSING_POSTGRES_MESSAGE);
    project.provide(POSTGRES_URL_KEY, null);
    return async () => {};
  }

  const server = await startTemporaryPostgres(binDir);
  // Teardown does not run when the process is killed mid-run; do not leave a server behind.
  const onExit = () => server.stopSync();
  process.once('exit', onExit);
  project.provide(POSTGRES_URL_KEY, server.url);
  return async () => {
    process.off('exit', onExit);
    await server.stop();
  };
}
