import { createHash } from 'node:crypto';
import { DEFAULT_NAMESPACE, stringifyEntityRef, type Entity } from '@greenroom/catalog-model';
import type { Knex } from 'knex';
import { buildFullText, buildSearchRows } from './buildSearchRows';
import { chunks } from './chunks';
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
        // Read under a row lock on PostgreSQL: a concurrent writer of the same entity waits
        // here, and then compares against what the first one committed.
        const before = new Map<
          string,
          { search_hash: string | null; relations_hash: string | null }
        >();
        for (const chunk of chunks(ids, DELETE_CHUNK)) {
          const query = trx(TABLES.entities)
            .whereIn('entity_id', chunk)
            .orderBy('entity_id')
            .select('entity_id', 'search_hash', 'relations_hash');
          if (trx.client.config.client === 'pg') query.forUpdate();
          for (const r of await query) before.set(r.entity_id, r);
        }
        for (const chunk of chunks(
          prepared.map(p => p.row),
          INSERT_CHUNK,
        )) {
          await trx(TABLES.entities).insert(chunk).onConflict('entity_id').merge();
        }
        // Only the parts that changed are rewritten: most restitches (a group gaining an
        // ownerOf) leave the search rows as they are.
        const searchChanged = prepared.filter(
          p => before.get(p.row.entity_id)?.search_hash !== p.row.search_hash,
        );
        const relationsChanged = prepared.filter(
          p => before.get(p.row.entity_id)?.relations_hash !== p.row.relations_hash,
        );
        for (const chunk of chunks(
          searchChanged.map(p => p.row.entity_id),
          DELETE_CHUNK,
        )) {
          await trx(TABLES.search).whereIn('entity_id', chunk).delete();
        }
        for (const chunk of chunks(
          relationsChanged.map(p => p.row.entity_id),
          DELETE_CHUNK,
        )) {
          await trx(TABLES.relations).whereIn('entity_id', chunk).delete();
        }
        await insertRows<SearchRow>(
          trx,
          TABLES.search,
          ['entity_id', 'key', 'value', 'original_value'],
          searchChanged.flatMap(p => p.search),
        );
        await insertRows<RelationRow>(
          trx,
          TABLES.relations,
          ['entity_id', 'source_entity_ref', 'type', 'target_entity_ref'],
          relationsChanged.flatMap(p => p.relations),
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
    hash: hash ?? sha256(json),
    updated_at: Date.now(),
    search_hash: null,
    relations_hash: null,
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
  row.search_hash = sha256(JSON.stringify(search.map(r => [r.key, r.value, r.original_value])));
  row.relations_hash = sha256(
    JSON.stringify(relations.map(r => [r.source_entity_ref, r.type, r.target_entity_ref])),
  );
  return { row, search, relations };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
