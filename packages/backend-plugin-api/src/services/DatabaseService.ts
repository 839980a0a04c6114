import type { Knex } from 'knex';

/** The plugin's own logical database (a SQLite file, a PostgreSQL database or schema). */
export interface DatabaseService {
  /** Opens the connection on first call; a plugin that never calls it opens nothing. */
  getClient(): Promise<Knex>;
  migrations?: { skip?: boolean };
}
