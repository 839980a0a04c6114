import type { Knex } from 'knex';
import { TABLES } from './tables';

/** Refreshes the planner's statistics after a bulk load (both databases plan badly without). */
export async function analyzeTables(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    const tables = [
      TABLES.entities,
      TABLES.search,
      TABLES.relations,
      TABLES.refreshState,
      TABLES.references,
      TABLES.processedRelations,
    ];
    await knex.raw(`ANALYZE ${tables.map(t => `"${t}"`).join(', ')}`);
  } else {
    // Sampled statistics (SQLite's advice for ANALYZE on large databases): a full ANALYZE
    // reads every index page, which for a 100k catalog is seconds during which, synchronous
    // in better-sqlite3, no request is answered.
    await knex.raw('PRAGMA analysis_limit = 1000');
    await knex.raw('ANALYZE');
    await knex.raw('PRAGMA optimize');
  }
}
