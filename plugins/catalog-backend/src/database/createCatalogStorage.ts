import type { DatabaseService } from '@greenroom/backend-plugin-api';
import { createCatalogStore, type CatalogStore } from './CatalogStore';
import { createEntityQueries, type EntityQueries } from './EntityQueries';
import { getEntityAncestry, type EntityAncestry } from './getEntityAncestry';
import { applyCatalogMigrations } from './migrations';
import { readCursorSigningKey } from './readCursorSigningKey';

export interface CatalogStorage {
  store: CatalogStore;
  queries: EntityQueries;
  cursorSigningKey: Buffer;
  /** An entity and its parents up to the provider roots (`/ancestry`); NotFoundError if absent. */
  getEntityAncestry(entityRef: string): Promise<EntityAncestry>;
}

/** Opens the catalog database, migrates it (unless the database service says to skip) and wires its parts. */
export async function createCatalogStorage(database: DatabaseService): Promise<CatalogStorage> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) await applyCatalogMigrations(knex);
  // The API's reads need not wait for the engine's write transactions (on SQLite they would
  // otherwise queue behind every batch on the single connection).
  const reader = (await database.getReadClient?.()) ?? knex;
  return {
    store: createCatalogStore(knex),
    queries: createEntityQueries(reader),
    cursorSigningKey: await readCursorSigningKey(knex),
    getEntityAncestry: entityRef => getEntityAncestry(reader, entityRef),
  };
}
