import type { Knex } from 'knex';
import { TABLES } from './tables';

/**
 * Makes an entity due now, with the nearest Location above it: a refresh re-reads the file the
 * entity came from (conditionally, so an unchanged file costs one stat or one 304), as Backstage
 * does. Returns false when the engine holds no such entity.
 */
export async function scheduleEntityRefresh(knex: Knex, entityRef: string): Promise<boolean> {
  const refs = [entityRef];
  const seen = new Set(refs);
  let frontier = [entityRef];
  // Walk up until a Location is found on every path (usually one step).
  while (frontier.length > 0) {
    const parents = (
      await knex(TABLES.references)
        .whereIn('target_entity_ref', frontier)
        .whereNotNull('source_entity_ref')
        .distinct('source_entity_ref')
    ).map(row => row.source_entity_ref as string);
    frontier = [];
    for (const parent of parents) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      refs.push(parent);
      if (!parent.startsWith('location:')) frontier.push(parent);
    }
  }
  const updated = await knex(TABLES.refreshState)
    .whereIn('entity_ref', refs)
    .update({ next_update_at: 0 });
  return Number(updated) > 0;
}
