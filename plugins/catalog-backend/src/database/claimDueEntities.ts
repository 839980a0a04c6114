import type { Knex } from 'knex';
import { TABLES } from './tables';
import { parseErrors, type ClaimedEntity, type RefreshStateRow } from './refreshStateTypes';

/**
 * Takes up to `limit` due rows and pushes their `next_update_at` to `now + interval` plus up to
 * half an interval of jitter, in one transaction, so no other engine takes them meanwhile.
 * PostgreSQL skips rows another engine has locked; SQLite serialises writers anyway.
 */
export async function claimDueEntities(
  knex: Knex,
  options: { limit: number; now: number; intervalMs: number },
): Promise<ClaimedEntity[]> {
  const { limit, now, intervalMs } = options;
  const isPostgres = knex.client.config.client === 'pg';
  const rows = await knex.transaction(async trx => {
    const query = trx<RefreshStateRow>(TABLES.refreshState)
      .select(
        'entity_id',
        'entity_ref',
        'unprocessed_entity',
        trx.raw('CASE WHEN processed_entity IS NULL THEN 0 ELSE 1 END AS has_processed'),
        'result_hash',
        'cache',
        'errors',
        'location_key',
      )
      .where('next_update_at', '<=', now)
      .orderBy([
        { column: 'next_update_at', order: 'asc' },
        { column: 'entity_ref', order: 'asc' },
      ])
      .limit(limit);
    if (isPostgres) query.forUpdate().skipLocked();
    const due = (await query) as unknown as Array<
      RefreshStateRow & { has_processed: number | string }
    >;
    if (due.length === 0) return due;
    const jitter = Math.max(1, Math.floor(intervalMs / 2));
    const random = isPostgres ? 'floor(random() * ?)::bigint' : 'abs(random()) % ?';
    for (let i = 0; i < due.length; i += 500) {
      await trx(TABLES.refreshState)
        .whereIn(
          'entity_id',
          due.slice(i, i + 500).map(r => r.entity_id),
        )
        .update({ next_update_at: trx.raw(`? + ${random}`, [now + intervalMs, jitter]) });
    }
    return due;
  });
  return rows.map(row => ({
    entityId: row.entity_id,
    entityRef: row.entity_ref,
    unprocessedEntity: JSON.parse(row.unprocessed_entity),
    hasProcessedEntity: Number(row.has_processed) === 1,
    resultHash: row.result_hash,
    cache: row.cache ? (JSON.parse(row.cache) as Record<string, unknown>) : {},
    errors: parseErrors(row.errors),
    locationKey: row.location_key,
  }));
}

/** How many rows are due now (the engine is idle when none are and none are in flight). */
export async function countDueEntities(knex: Knex, now: number): Promise<number> {
  const row = await knex(TABLES.refreshState)
    .where('next_update_at', '<=', now)
    .count({ n: '*' })
    .first();
  return Number(row?.n ?? 0);
}
