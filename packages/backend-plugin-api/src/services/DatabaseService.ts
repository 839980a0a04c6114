import type { Knex } from 'knex';

/** The plugin's own logical database (a SQLite file, a PostgreSQL database or schema). */
export interface DatabaseService {
  /** Opens the connection on first call; a plugin that never calls it opens nothing. */
  getClient(): Promise<Knex>;
  /**
   * A client for queries that only read and need not wait for the plugin's own write
   * transactions (a Greenroom addition; absent on Backstage's service, so call it as
   * `getReadClient?.() ?? getClient()`). On a SQLite file it is a second, read-only connection:
   * under WAL it reads the last commit while a write transaction is open on the other one. On
   * PostgreSQL and in-memory SQLite it is the same client as `getClient()`.
   */
  getReadClient?(): Promise<Knex>;
  migrations?: { skip?: boolean };
}
