import { createHash } from 'node:crypto';
import { DEFAULT_NAMESPACE, stringifyEntityRef, type Entity } from '@greenroom/catalog-model';
import type { Knex } from 'knex';
import { buildFullText, buildSearchRows } from './buildSearchRows';
import { insertRows } from './insertRows';
import { TABLES, type FinalEntityRow, type RelationRow, type SearchRow } from './tables';

/** A stitched entity, ready to be served: `metadata.uid` set, `relations` filled in. */
export interface FinalEntityInput {
  entity: Entity;
  /** A hash of the stitched entity, so writers can skip unchanged ones; computed when absent. */
  hash?: string;
}

/** How the ingestion engine puts entities into, and takes them out of, the read side. */
export interface CatalogStore {
  /** Inserts or replaces entities by uid, with their search rows and relations, in one transaction. */
  upsertFinalEntities(entries: readonly FinalEntityInput[]): Promise<void>;
  /** Removes entities by uid; unknown uids are ignored. Returns how many were removed. */
  deleteEntities(uids: readonly string[]): Promise<number>;
}

// Keeps each statement's bound parameters well under SQLite's and PostgreSQL's limits.
const INSERT_CHUNK = 200;
const DELETE_CHUNK = 500;

export function createCatalogStore(knex: Knex): CatalogStore {
  return {
    async upsertFinalEntities(entries) {
      if (entries.length === 0) return;
      // Sorted, so two instances stitching overlapping sets lock rows in the same order.
      const prepared = entries
        .map(prepare)
        .sort((a, b) => (a.row.entity_id < b.row.entity_id ? -1 : 1));
      await knex.transaction(async trx => {
        const ids = prepared.map(p => p.row.entity_id);
        // The entity rows first: a concurrent writer of the same entity waits here, and then
        // its delete below sees (and removes) the search rows the first one committed.
        for (const chunk of chunks(
          prepared.map(p => p.row),
          INSERT_CHUNK,
        )) {
          await trx(TABLES.entities).insert(chunk).onConflict('entity_id').merge();
        }
        await deleteDependents(trx, ids);
        await insertRows<SearchRow>(
          trx,
          TABLES.search,
          ['entity_id', 'key', 'value', 'original_value'],
          prepared.flatMap(p => p.search),
        );
        await insertRows<RelationRow>(
          trx,
          TABLES.relations,
          ['entity_id', 'source_entity_ref', 'type', 'target_entity_ref'],
          prepared.flatMap(p => p.relations),
        );
      });
    },
    async deleteEntities(uids) {
      let removed = 0;
      await knex.transaction(async trx => {
        await deleteDependents(trx, uids);
        for (const chunk of chunks(uids, DELETE_CHUNK)) {
          removed += await trx(TABLES.entities).whereIn('entity_id', chunk).delete();
        }
      });
      return removed;
    },
  };
}

// Explicit rather than relying on ON DELETE CASCADE: SQLite enforces it only with a pragma.
async function deleteDependents(trx: Knex.Transaction, ids: readonly string[]) {
  for (const chunk of chunks(ids, DELETE_CHUNK)) {
    await trx(TABLES.search).whereIn('entity_id', chunk).delete();
    await trx(TABLES.relations).whereIn('entity_id', chunk).delete();
  }
}

function prepare({ entity, hash }: FinalEntityInput) {
  const uid = entity.metadata.uid;
  if (typeof uid !== 'string' || !uid) {
    throw new TypeError(`Entity ${stringifyEntityRef(entity)} has no metadata.uid`);
  }
  const json = JSON.stringify(entity);
  const entityRef = stringifyEntityRef(entity);
  const row: FinalEntityRow = {
    entity_id: uid,
    entity_ref: entityRef,
    kind: entity.kind.toLowerCase(),
    namespace: (entity.metadata.namespace || DEFAULT_NAMESPACE).toLowerCase(),
    name: entity.metadata.name.toLowerCase(),
    full_text: buildFullText(entity),
    final_entity: json,
    hash: hash ?? createHash('sha256').update(json).digest('hex'),
    updated_at: Date.now(),
  };
  const search: SearchRow[] = buildSearchRows(uid, entity);
  const seen = new Set<string>();
  const relations: RelationRow[] = [];
  for (const relation of entity.relations ?? []) {
    const type = relation.type.toLowerCase();
    const target = relation.targetRef.toLowerCase();
    if (seen.has(`${type} ${target}`)) continue;
    seen.add(`${type} ${target}`);
    relations.push({
      entity_id: uid,
      source_entity_ref: entityRef,
      type,
      target_entity_ref: target,
    });
  }
  return { row, search, relations };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
