import type { Entity } from '@greenroom/catalog-model';
import type { Knex } from 'knex';
import { TABLES } from '../database/tables';

/** One row per entity ref the engine has written: its uid and the file that keeps it. */
export const ENTITY_SOURCES_TABLE = 'entity_sources';

export interface EntityClaim {
  entityId: string;
  locationKey: string;
}

interface SourceRow {
  entity_ref: string;
  entity_id: string;
  location_key: string;
}

/** The engine's memory between runs: stable uids, who claimed a ref first, last good entities. */
export function createEntitySources(knex: Knex) {
  return {
    async claims(): Promise<Map<string, EntityClaim>> {
      const map = new Map<string, EntityClaim>();
      // Entities written by something else (tests, earlier versions) keep their uid too.
      const finals = await knex(TABLES.entities).select<
        Array<{ entity_id: string; entity_ref: string }>
      >('entity_id', 'entity_ref');
      for (const f of finals) map.set(f.entity_ref, { entityId: f.entity_id, locationKey: '' });
      for (const row of await knex<SourceRow>(ENTITY_SOURCES_TABLE).select()) {
        map.set(row.entity_ref, { entityId: row.entity_id, locationKey: row.location_key });
      }
      return map;
    },
    /** The engine's own entities in the read side (others' entities are never touched). */
    async managedHashes(): Promise<Map<string, { entityId: string; hash: string }>> {
      const rows = await knex(TABLES.entities)
        .select<Array<{ entity_id: string; entity_ref: string; hash: string }>>(
          'entity_id',
          'entity_ref',
          'hash',
        )
        .whereIn('entity_ref', knex(ENTITY_SOURCES_TABLE).select('entity_ref'));
      return new Map(rows.map(r => [r.entity_ref, { entityId: r.entity_id, hash: r.hash }]));
    },
    async finalEntities(where: { locationKey?: string; refs?: string[] }): Promise<Entity[]> {
      const query = knex(TABLES.entities).select<Array<{ final_entity: string }>>('final_entity');
      if (where.locationKey !== undefined) {
        query.whereIn(
          'entity_ref',
          knex(ENTITY_SOURCES_TABLE).select('entity_ref').where('location_key', where.locationKey),
        );
      }
      if (where.refs) query.whereIn('entity_ref', where.refs);
      return (await query).map(r => JSON.parse(r.final_entity) as Entity);
    },
    async record(rows: Array<{ ref: string; entityId: string; locationKey: string }>) {
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200).map(r => ({
          entity_ref: r.ref,
          entity_id: r.entityId,
          location_key: r.locationKey,
        }));
        await knex(ENTITY_SOURCES_TABLE).insert(chunk).onConflict('entity_ref').merge();
      }
    },
    async forget(refs: string[]) {
      for (let i = 0; i < refs.length; i += 500) {
        await knex(ENTITY_SOURCES_TABLE)
          .whereIn('entity_ref', refs.slice(i, i + 500))
          .delete();
      }
    },
  };
}

export type EntitySources = ReturnType<typeof createEntitySources>;
