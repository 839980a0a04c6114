import type { Knex } from 'knex';
import { chunks } from './chunks';
import type { DeferredRow } from './refreshStateTypes';
import { TABLES } from './tables';
import { STAGED_OFFSET } from './upsertDeferredEntities';

/**
 * Makes staged children due, in the order they were emitted, once their parent's edges are
 * written (in the same transaction). Rows that are not held back are left alone, so this is
 * safe for every accepted ref, including ones a crashed or stopped run staged earlier.
 */
export async function releaseStagedEntities(
  trx: Knex.Transaction,
  refs: readonly string[],
): Promise<void> {
  for (const chunk of chunks(refs, 500)) {
    await trx(TABLES.refreshState)
      .whereIn('entity_ref', chunk)
      .where('next_update_at', '>=', STAGED_OFFSET)
      .update({ next_update_at: trx.raw('?? - ?', ['next_update_at', STAGED_OFFSET]) });
  }
}

/** Writes the changed children a staged read held back until their file proved clean. */
export async function applyStagedUpdates(
  trx: Knex.Transaction,
  updates: ReadonlyArray<{ row: DeferredRow; entityId: string; order: number; hash: string }>,
  now: number,
): Promise<void> {
  for (const u of updates) {
    await trx(TABLES.refreshState)
      .where('entity_id', u.entityId)
      .update({
        unprocessed_entity: u.row.json,
        unprocessed_hash: u.hash,
        location_key: u.row.locationKey ?? null,
        next_update_at: u.order,
        last_discovery_at: now,
      });
  }
}
