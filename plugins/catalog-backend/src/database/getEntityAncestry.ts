import type { Entity } from '@greenroom/catalog-model';
import { NotFoundError } from '@greenroom/errors';
import type { Knex } from 'knex';
import { TABLES } from './tables';

/** Backstage's `/entities/by-name/:kind/:namespace/:name/ancestry` body. */
export interface EntityAncestry {
  rootEntityRef: string;
  items: Array<{ entity: Entity; parentEntityRefs: string[] }>;
}

/**
 * The entity and its parents up to the provider roots, from the engine's parent→child edges,
 * each as its final entity. Throws NotFoundError when the entity is not in the catalog.
 */
export async function getEntityAncestry(knex: Knex, entityRef: string): Promise<EntityAncestry> {
  const rootEntityRef = entityRef.toLowerCase();
  const items: EntityAncestry['items'] = [];
  const seen = new Set<string>();
  let todo = [rootEntityRef];
  while (todo.length > 0) {
    const next: string[] = [];
    for (const ref of todo) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      const row = await knex(TABLES.entities).where('entity_ref', ref).first('final_entity');
      if (!row) {
        if (ref === rootEntityRef) throw new NotFoundError(`No entity ${entityRef} found`);
        continue;
      }
      const parents = (
        await knex(TABLES.references)
          .where('target_entity_ref', ref)
          .whereNotNull('source_entity_ref')
          .distinct('source_entity_ref')
      )
        .map(r => r.source_entity_ref as string)
        .filter(p => p !== ref)
        .sort();
      items.push({ entity: JSON.parse(row.final_entity) as Entity, parentEntityRefs: parents });
      next.push(...parents);
    }
    todo = next;
  }
  return { rootEntityRef, items };
}
