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
    await knex.raw('ANALYZE');
    await knex.raw('PRAGMA optimize');
  }
}
