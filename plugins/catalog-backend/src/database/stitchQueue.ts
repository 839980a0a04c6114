import type { Knex } from 'knex';
import { chunks } from './chunks';
import { insertRows } from './insertRows';
import { TABLES } from './tables';

/**
 * The refs a write changed the stitched form of, queued in the write's own transaction: a
 * restart between the write and the stitch (deferred for relation targets) loses nothing.
 */
export async function queueStitch(
  trx: Knex.Transaction,
  refs: Iterable<string>,
  batch: string,
): Promise<void> {
  await insertRows(
    trx,
    TABLES.stitchQueue,
    ['entity_ref', 'batch'],
    [...new Set(refs)].map(entity_ref => ({ entity_ref, batch })),
  );
}

/** Removes what `batch` queued for `refs`, once the batch stitched them itself. */
export async function dequeueStitched(knex: Knex, batch: string, refs: string[]): Promise<void> {
  for (const chunk of chunks(refs, 500)) {
    await knex(TABLES.stitchQueue).where('batch', batch).whereIn('entity_ref', chunk).delete();
  }
}

/** The newest queue row now; a flush takes rows up to it, not those queued while it runs. */
export async function lastQueuedId(knex: Knex): Promise<number> {
  const row = await knex(TABLES.stitchQueue).max({ id: 'id' }).first();
  return Number(row?.id ?? 0);
}

/** The oldest `limit` queued rows up to `maxId`. */
export async function readStitchQueue(
  knex: Knex,
  maxId: number,
  limit: number,
): Promise<Array<{ id: number; ref: string }>> {
  const rows = await knex(TABLES.stitchQueue)
    .where('id', '<=', maxId)
    .orderBy('id')
    .limit(limit)
    .select('id', 'entity_ref');
  return rows.map(r => ({ id: Number(r.id), ref: r.entity_ref as string }));
}

export async function deleteQueued(knex: Knex, ids: number[]): Promise<void> {
  for (const chunk of chunks(ids, 500)) {
    await knex(TABLES.stitchQueue).whereIn('id', chunk).delete();
  }
}
