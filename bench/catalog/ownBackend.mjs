// A bench backend of the run's own: fresh data directory, SQLite files or a fresh PostgreSQL
// database, the production bundle. `close()` stops it and removes everything it made.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertFreshBundle, startBackend } from './backend.mjs';
import { preparePostgres } from './postgres.mjs';

/** A backend of our own for the run, with its data directory and database; `close()` undoes all. */
export async function ownBackend(db) {
  assertFreshBundle();
  const dataDir = mkdtempSync(join(tmpdir(), 'greenroom-bench-catalog-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeDataDir);
  let postgres;
  try {
    postgres = db === 'postgres' ? await preparePostgres() : undefined;
    const database = postgres
      ? { client: 'pg', connection: postgres.connection, prefix: postgres.prefix }
      : { client: 'better-sqlite3' };
    const backend = await startBackend({ dataDir, database });
    return {
      ...backend,
      dataDir,
      dbDescription: postgres?.description ?? 'SQLite files in a temp dir (WAL)',
      async close() {
        const code = await backend.stop();
        if (code !== 0)
          console.warn(
            `the backend did not stop cleanly (${code}); its last output:\n${backend.logTail().slice(-2000)}`,
          );
        await postgres?.cleanup();
        removeDataDir();
      },
    };
  } catch (error) {
    await postgres?.cleanup();
    removeDataDir();
    throw error;
  }
}
