import type { DatabaseService } from '@greenroom/backend-plugin-api';
import { createCatalogStore, type CatalogStore } from './CatalogStore';
import { createEntityQueries, type EntityQueries } from './EntityQueries';
import { applyCatalogMigrations } from './migrations';
import { readCursorSigningKey } from './readCursorSigningKey';

export interface CatalogStorage {
  store: CatalogStore;
  queries: EntityQueries;
  cursorSigningKey: Buffer;
}

/** Opens the catalog database, migrates it (unless the database service says to skip) and wires its parts. */
export async function createCatalogStorage(database: DatabaseService): Promise<CatalogStorage> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) await applyCatalogMigrations(knex);
  return {
    store: createCatalogStore(knex),
    queries: createEntityQueries(knex),
    cursorSigningKey: await readCursorSigningKey(knex),
  };
}
