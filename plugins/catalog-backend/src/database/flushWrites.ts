import type { Knex } from 'knex';
import { chunks } from './chunks';
import { insertRows } from './insertRows';
import { TABLES } from './tables';
import type { WriteResult } from './writeProcessingResults';

export interface PendingWrites {
  updates: Array<{ ref: string; id: string; values: Record<string, string | null> }>;
  /** Entities whose relations and refresh keys are replaced. */
  replaced: Array<{ ref: string; id: string }>;
  relations: Array<{ ref: string; row: ProcessedRelationRow }>;
  keys: Array<{ ref: string; row: { entity_id: string; key: string } }>;
}

export interface ProcessedRelationRow {
  originating_entity_id: string;
  source_entity_ref: string;
  type: string;
  target_entity_ref: string;
}

export function emptyWriteResult(): WriteResult {
  return {
    restitch: new Set(),
    events: [],
    deleted: 0,
    writes: 0,
    deletedRefs: new Set(),
    pending: { updates: [], replaced: [], relations: [], keys: [] },
  };
}

const UPDATE_COLUMNS = ['errors', 'cache', 'result_hash', 'processed_entity'] as const;

/**
 * Writes what `writeProcessingOutcome` queued: relations and refresh keys replaced in bulk, and
 * the rows' new state (one `UPDATE … FROM (VALUES …)` per chunk on PostgreSQL; per row on
 * SQLite, where a statement costs no round trip). Entities a cascade deleted are skipped.
 */
export async function flushWrites(trx: Knex.Transaction, into: WriteResult): Promise<void> {
  const alive = <T extends { ref: string }>(items: T[]) =>
    items.filter(i => !into.deletedRefs.has(i.ref));
  const { pending } = into;
  const replaced = alive(pending.replaced).map(r => r.id);
  for (const chunk of chunks(replaced, 500)) {
    await trx(TABLES.processedRelations).whereIn('originating_entity_id', chunk).delete();
    await trx(TABLES.refreshKeys).whereIn('entity_id', chunk).delete();
  }
  await insertRows<ProcessedRelationRow>(
    trx,
    TABLES.processedRelations,
    ['originating_entity_id', 'source_entity_ref', 'type', 'target_entity_ref'],
    alive(pending.relations).map(r => r.row),
  );
  await insertRows(
    trx,
    TABLES.refreshKeys,
    ['entity_id', 'key'],
    alive(pending.keys).map(k => k.row),
  );
  const updates = alive(pending.updates);
  if (trx.client.config.client === 'pg') {
    for (const chunk of chunks(updates, 200)) {
      const values: Knex.RawBinding[] = [];
      const tuples = chunk.map(u => {
        values.push(u.id, ...UPDATE_COLUMNS.map(c => (c in u.values ? 1 : 0)));
        values.push(...UPDATE_COLUMNS.map(c => u.values[c] ?? null));
        return `(?, ${UPDATE_COLUMNS.map(() => '?::int').join(', ')}, ${UPDATE_COLUMNS.map(() => '?::text').join(', ')})`;
      });
      const set = UPDATE_COLUMNS.map(
        c => `"${c}" = CASE WHEN v."set_${c}" = 1 THEN v."${c}" ELSE t."${c}" END`,
      ).join(', ');
      await trx.raw(
        `UPDATE ?? AS t SET ${set} FROM (VALUES ${tuples.join(', ')}) AS v(entity_id, ${UPDATE_COLUMNS.map(c => `set_${c}`).join(', ')}, ${UPDATE_COLUMNS.join(', ')}) WHERE t.entity_id = v.entity_id`,
        [TABLES.refreshState, ...values],
      );
    }
  } else {
    for (const u of updates) {
      await trx(TABLES.refreshState).where('entity_id', u.id).update(u.values);
    }
  }
  into.pending = emptyWriteResult().pending;
}
