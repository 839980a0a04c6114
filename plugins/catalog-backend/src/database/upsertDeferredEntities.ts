import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { chunks } from './chunks';
import type { DeferredRow } from './refreshStateTypes';
import { TABLES } from './tables';

export interface UpsertOutcome {
  /** Refs now held by the emitter (new, updated or unchanged). */
  accepted: DeferredRow[];
  /** Refs another location key holds; the emitter gets a conflict error for each. */
  conflicts: Array<{ row: DeferredRow; holder: string | null }>;
}

const hashOf = (json: string) => createHash('sha256').update(json).digest('hex');

/**
 * Inserts emitted entities as due rows, or updates the unprocessed entity of rows the same
 * location key holds (due again only when it changed). The first location key keeps a ref;
 * a different key is a conflict, unless the holder is an orphan (no parent emits it).
 * Rows keep their order in the due queue: the first emitted is processed first.
 */
export async function upsertDeferredEntities(
  trx: Knex.Transaction,
  rows: readonly DeferredRow[],
  now: number,
  /** The provider, when these are its roots (children name their parent in references). */
  sourceKey: string | null = null,
): Promise<UpsertOutcome> {
  const outcome: UpsertOutcome = { accepted: [], conflicts: [] };
  const seen = new Map<string, string | null>();
  let order = now - rows.length;
  for (const chunk of chunks(rows, 300)) {
    const refs = [...new Set(chunk.map(r => r.ref))];
    const existing = new Map<
      string,
      { entity_id: string; location_key: string | null; unprocessed_hash: string }
    >();
    for (const row of await trx(TABLES.refreshState)
      .whereIn('entity_ref', refs)
      .select('entity_ref', 'entity_id', 'location_key', 'unprocessed_hash')) {
      existing.set(row.entity_ref, row);
    }
    const contested = [...existing.entries()]
      .filter(([ref, e]) =>
        chunk.some(r => r.ref === ref && (r.locationKey ?? null) !== e.location_key),
      )
      .map(([ref]) => ref);
    const parented = new Set<string>(
      contested.length === 0
        ? []
        : (
            await trx(TABLES.references)
              .whereIn('target_entity_ref', contested)
              .distinct('target_entity_ref')
          ).map(r => r.target_entity_ref as string),
    );
    // Uids of read-side entities nobody processed yet (older engines, direct writes) are kept.
    const missing = refs.filter(r => !existing.has(r));
    const finalIds = new Map<string, string>();
    if (missing.length > 0) {
      for (const row of await trx(TABLES.entities)
        .whereIn('entity_ref', missing)
        .select('entity_ref', 'entity_id')) {
        finalIds.set(row.entity_ref, row.entity_id);
      }
    }
    const inserts: Record<string, unknown>[] = [];
    for (const row of chunk) {
      order += 1;
      const key = row.locationKey ?? null;
      if (seen.has(row.ref)) {
        if (seen.get(row.ref) === key) outcome.accepted.push(row);
        else outcome.conflicts.push({ row, holder: seen.get(row.ref) ?? null });
        continue;
      }
      const json = row.json;
      const hash = hashOf(json);
      const prior = existing.get(row.ref);
      if (!prior) {
        seen.set(row.ref, key);
        inserts.push({
          entity_id: finalIds.get(row.ref) ?? randomUUID(),
          entity_ref: row.ref,
          unprocessed_entity: json,
          unprocessed_hash: hash,
          location_key: key,
          source_key: sourceKey,
          next_update_at: order,
          last_discovery_at: now,
        });
        outcome.accepted.push(row);
        continue;
      }
      const takeover =
        prior.location_key !== key && (prior.location_key === null || !parented.has(row.ref));
      if (prior.location_key !== key && !takeover) {
        seen.set(row.ref, prior.location_key);
        outcome.conflicts.push({ row, holder: prior.location_key });
        continue;
      }
      seen.set(row.ref, key);
      outcome.accepted.push(row);
      if (prior.unprocessed_hash !== hash || takeover) {
        await trx(TABLES.refreshState).where('entity_id', prior.entity_id).update({
          unprocessed_entity: json,
          unprocessed_hash: hash,
          location_key: key,
          next_update_at: order,
          last_discovery_at: now,
        });
      }
    }
    for (const batch of chunks(inserts, 100)) {
      // A concurrent engine may have inserted the same ref: it keeps it, as a first claim.
      await trx(TABLES.refreshState).insert(batch).onConflict('entity_ref').ignore();
    }
  }
  return outcome;
}
