import type { Knex } from 'knex';
import { deleteEntitiesCascade } from './deleteEntitiesCascade';
import { TABLES } from './tables';

/**
 * `DELETE /entities/by-uid`: removes the entity (and what only it kept alive) from the engine and
 * the read side. As in Backstage the entity comes back when its parent is processed again: the
 * parent's cache (the etags of the files it read) is cleared, so its next run reads the file in
 * full and emits the entity anew instead of trusting "not modified". Returns the refs whose final
 * entities must be stitched again (they had relations to what was removed).
 */
export async function removeEntityByUid(knex: Knex, uid: string): Promise<string[]> {
  return knex.transaction(async trx => {
    const row = await trx(TABLES.refreshState).where('entity_id', uid).first('entity_ref');
    if (!row) {
      // Not the engine's (or already gone): only the read side may hold it.
      await trx(TABLES.search).where('entity_id', uid).delete();
      await trx(TABLES.relations).where('entity_id', uid).delete();
      await trx(TABLES.entities).where('entity_id', uid).delete();
      return [];
    }
    const ref = row.entity_ref as string;
    const parents = trx(TABLES.references)
      .where('target_entity_ref', ref)
      .whereNotNull('source_entity_ref')
      .select('source_entity_ref');
    await trx(TABLES.refreshState)
      .whereIn('entity_ref', parents)
      .update({ cache: null, result_hash: 'child-was-deleted' });
    await trx(TABLES.references).where('target_entity_ref', ref).delete();
    const { restitch } = await deleteEntitiesCascade(trx, [ref]);
    return restitch;
  });
}
