import type { Knex } from 'knex';
import { chunks } from './chunks';
import { TABLES } from './tables';

/**
 * Deletes the given refs that no parent or provider references any more, then their
 * descendants that became unreferenced the same way. Returns the refs whose relations
 * mentioned a deleted entity (they need stitching) and the deleted refs.
 */
export async function deleteEntitiesCascade(
  trx: Knex.Transaction,
  refs: readonly string[],
): Promise<{ deleted: string[]; restitch: string[] }> {
  const deleted: string[] = [];
  const restitch = new Set<string>();
  let candidates = [...new Set(refs)];
  const visited = new Set<string>();
  while (candidates.length > 0) {
    const next: string[] = [];
    for (const chunk of chunks(
      candidates.filter(c => !visited.has(c)),
      300,
    )) {
      chunk.forEach(c => visited.add(c));
      // A self reference (a glob that matches its own file) does not keep an entity alive.
      const alive = new Set(
        (
          await trx(TABLES.references)
            .whereIn('target_entity_ref', chunk)
            .where(q =>
              q.whereNull('source_entity_ref').orWhereRaw('source_entity_ref <> target_entity_ref'),
            )
            .distinct('target_entity_ref')
        ).map(r => r.target_entity_ref as string),
      );
      const gone = chunk.filter(ref => !alive.has(ref));
      if (gone.length === 0) continue;
      const ids = (
        await trx(TABLES.refreshState).whereIn('entity_ref', gone).select('entity_id', 'entity_ref')
      ).map(r => r.entity_id as string);
      for (const r of await trx(TABLES.references)
        .whereIn('source_entity_ref', gone)
        .select('target_entity_ref')) {
        next.push(r.target_entity_ref);
      }
      await trx(TABLES.references).whereIn('source_entity_ref', gone).delete();
      if (ids.length > 0) {
        for (const r of await trx(TABLES.processedRelations)
          .whereIn('originating_entity_id', ids)
          .distinct('source_entity_ref')) {
          restitch.add(r.source_entity_ref);
        }
        await trx(TABLES.processedRelations).whereIn('originating_entity_id', ids).delete();
        await trx(TABLES.refreshKeys).whereIn('entity_id', ids).delete();
        await trx(TABLES.refreshState).whereIn('entity_id', ids).delete();
      }
      // The read side shares the uid; entities the engine never held are not touched.
      await trx(TABLES.search).whereIn('entity_id', ids).delete();
      await trx(TABLES.relations).whereIn('entity_id', ids).delete();
      await trx(TABLES.entities).whereIn('entity_id', ids).delete();
      deleted.push(...gone);
    }
    candidates = next.filter(c => !visited.has(c));
  }
  for (const ref of deleted) restitch.delete(ref);
  return { deleted, restitch: [...restitch] };
}
