import { createHash } from 'node:crypto';
import { v7 as timeOrderedUuid } from 'uuid';
import type { Knex } from 'knex';
import { chunks } from './chunks';
import type { DeferredRow } from './refreshStateTypes';
import { TABLES } from './tables';

export interface UpsertOutcome {
  /** Refs now held by the emitter (new, updated or unchanged). */
  accepted: DeferredRow[];
  /** Refs another location key holds; the emitter gets a conflict error for each. */
  conflicts: Array<{ row: DeferredRow; holder: string | null }>;
  /** Staged mode only: refs inserted (held back from the due queue until released). */
  inserted: string[];
  /** Staged mode only: rows the emitter holds whose entity changed, not written yet. */
  updates: Array<{ row: DeferredRow; entityId: string; order: number; hash: string }>;
}

/**
 * Added to `next_update_at` of children a Location staged while reading a large file: they
 * are in `refresh_state` but not due until the Location's own write adds their edges and
 * subtracts it again (`releaseStagedEntities`), so nothing processes a child that has no
 * parent yet. About 139 years: far beyond any real due time, well inside a safe integer.
 */
export const STAGED_OFFSET = 2 ** 42;

export interface UpsertOptions {
  /** The provider, when these are its roots (children name their parent in references). */
  sourceKey?: string | null;
  /** Refs already handled by earlier calls for the same emitter, and the key that holds them. */
  seen?: Map<string, string | null>;
  /** The due time of the first row (then one more per row); default `now - rows.length`. */
  firstOrder?: number;
  /** Insert held back (`STAGED_OFFSET`) and return changed rows instead of updating them. */
  staged?: boolean;
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
  options: UpsertOptions = {},
): Promise<UpsertOutcome> {
  const sourceKey = options.sourceKey ?? null;
  const staged = options.staged ?? false;
  const outcome: UpsertOutcome = { accepted: [], conflicts: [], inserted: [], updates: [] };
  const seen = options.seen ?? new Map<string, string | null>();
  let order = (options.firstOrder ?? now - rows.length + 1) - 1;
  for (const chunk of chunks(rows, 300)) {
    const refs = [...new Set(chunk.map(r => r.ref))];
    const existing = new Map<
      string,
      {
        entity_id: string;
        location_key: string | null;
        unprocessed_hash: string;
        next_update_at: number | string;
      }
    >();
    for (const row of await trx(TABLES.refreshState)
      .whereIn('entity_ref', refs)
      .select('entity_ref', 'entity_id', 'location_key', 'unprocessed_hash', 'next_update_at')) {
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
    // A row another Location staged is as good as parented: its edge is being written.
    for (const ref of contested) {
      if (Number(existing.get(ref)!.next_update_at) >= STAGED_OFFSET) parented.add(ref);
    }
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
          // Time-ordered uids: every index on entity_id (final entities, search rows,
          // relations) grows at its end instead of at random pages, which cut what a
          // large load writes.
          entity_id: finalIds.get(row.ref) ?? timeOrderedUuid(),
          entity_ref: row.ref,
          unprocessed_entity: json,
          unprocessed_hash: hash,
          location_key: key,
          source_key: sourceKey,
          next_update_at: staged ? order + STAGED_OFFSET : order,
          last_discovery_at: now,
        });
        if (staged) outcome.inserted.push(row.ref);
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
      if (staged && (prior.unprocessed_hash !== hash || takeover)) {
        outcome.updates.push({ row, entityId: prior.entity_id, order, hash });
      } else if (prior.unprocessed_hash !== hash || takeover) {
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
