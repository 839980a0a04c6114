import type { Knex } from 'knex';
import { TABLES } from './tables';

/**
 * Refreshes the planner's statistics after a bulk load (both databases plan badly without);
 * on PostgreSQL also the visibility map.
 */
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
    // VACUUM as well: it marks the freshly written pages all-visible, so counts and facets
    // are index-only scans; right after a bulk load (before autovacuum gets there) every index
    // entry cost a heap visit (by-query p50 72 ms at 100k). It reads and writes while it runs.
    await knex.raw(`VACUUM (ANALYZE) ${tables.map(t => `"${t}"`).join(', ')}`);
  } else {
    // Sampled statistics (SQLite's advice for ANALYZE on large databases): a full ANALYZE
    // reads every index page, which for a 100k catalog is seconds during which, synchronous
    // in better-sqlite3, no request is answered.
    await knex.raw('PRAGMA analysis_limit = 1000');
    await knex.raw('ANALYZE');
    await knex.raw('PRAGMA optimize');
  }
}
