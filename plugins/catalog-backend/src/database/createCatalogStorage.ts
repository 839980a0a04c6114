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
  return {
    store: createCatalogStore(knex),
    queries: createEntityQueries(knex),
    cursorSigningKey: await readCursorSigningKey(knex),
    getEntityAncestry: entityRef => getEntityAncestry(knex, entityRef),
  };
}
