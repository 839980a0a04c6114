import { createHash } from 'node:crypto';
import type { Entity } from '@greenroom/catalog-model';
import type { Knex } from 'knex';
import { chunks } from './chunks';
import { deleteEntitiesCascade } from './deleteEntitiesCascade';
import type { PendingWrites } from './flushWrites';
import { readForBatch, type BatchReads } from './readForBatch';
import type { ClaimedEntity, DeferredRow, StagedChildren, StoredError } from './refreshStateTypes';
import { releaseStagedEntities } from './releaseStagedEntities';
import { TABLES } from './tables';
import { upsertDeferredEntities } from './upsertDeferredEntities';

/** What processing one claimed entity produced. */
export interface ProcessingOutcome {
  claimed: ClaimedEntity;
  /** False when processing failed: the previous processed entity, children and relations stay. */
  ok: boolean;
  processedEntity?: Entity;
  errors: StoredError[];
  relations: Array<{ source: string; type: string; target: string }>;
  children: DeferredRow[];
  /** Children a large read already wrote (held back until this write adds their edges). */
  staged?: StagedChildren;
  /** Files whose children stay as they are (not modified, or unreadable now). */
  keptVias: string[];
  refreshKeys: string[];
  cache: Record<string, unknown>;
}

/** An error event to publish once the batch is written. */
export interface ErrorEvent {
  entity: string;
  location?: string;
  errors: Array<{ name: string; message: string }>;
}

export interface WriteResult {
  restitch: Set<string>;
  events: ErrorEvent[];
  deleted: number;
  writes: number;
  /** Refs deleted by this batch's cascades: their own outcomes, later in the batch, are dropped. */
  deletedRefs: Set<string>;
  /** Row writes queued for `flushWrites`, so a batch costs a few statements, not a few per row. */
  pending: PendingWrites;
}

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * Writes one processed entity in the caller's transaction: children (with conflict checks),
 * parent→child references, its processed entity, relations, errors, cache and refresh keys;
 * handles children it stopped emitting per `orphanStrategy`.
 */
export async function writeProcessingOutcome(
  trx: Knex.Transaction,
  outcome: ProcessingOutcome,
  options: { orphanStrategy: 'keep' | 'delete'; now: number },
  into: WriteResult,
  /** The batch's reads; absent when one entity is written alone (then read here). */
  batch?: BatchReads,
): Promise<void> {
  const { claimed } = outcome;
  const ref = claimed.entityRef;
  if (into.deletedRefs.has(ref)) return;
  const reads = batch ?? (await readForBatch(trx, [outcome]));
  const errors = [...outcome.errors];
  const conflictEvents: ErrorEvent[] = [];

  if (outcome.ok) {
    const upserted = await upsertDeferredEntities(trx, outcome.children, options.now);
    const accepted = outcome.staged
      ? [...outcome.staged.accepted, ...upserted.accepted]
      : upserted.accepted;
    const conflicts = outcome.staged
      ? [...outcome.staged.conflicts, ...upserted.conflicts]
      : upserted.conflicts;
    for (const { row, holder } of conflicts) {
      const conflict = {
        name: 'ConflictError',
        message: `${row.ref} from ${row.locationKey} conflicts with the same entity from ${holder}, which keeps it`,
      };
      errors.push({
        ...conflict,
        position: row.position,
        conflict: { ref: row.ref, via: row.via },
      });
      conflictEvents.push({
        entity: row.ref,
        location: row.locationKey ?? undefined,
        errors: [conflict],
      });
    }
    const keep = new Set(outcome.keptVias);
    // A file that was not read again still loses the refs it lost last time.
    for (const e of claimed.errors) {
      if (!e.conflict?.via || !keep.has(e.conflict.via)) continue;
      errors.push(e);
      conflictEvents.push({
        entity: e.conflict.ref,
        location: e.conflict.via,
        errors: [{ name: e.name, message: e.message }],
      });
    }
    const previous = reads.edges.get(ref) ?? [];
    const dropped = previous.filter(p => !(p.via !== null && keep.has(p.via)));
    for (const chunk of chunks(
      dropped.map(d => d.id),
      500,
    )) {
      await trx(TABLES.references).whereIn('id', chunk).delete();
    }
    const added = new Map<string, DeferredRow>();
    for (const row of accepted) if (!added.has(row.ref)) added.set(row.ref, row);
    for (const chunk of chunks([...added.values()], 200)) {
      await trx(TABLES.references).insert(
        chunk.map(row => ({
          source_entity_ref: ref,
          target_entity_ref: row.ref,
          via: row.via ?? null,
          position: row.position ?? 0,
        })),
      );
    }
    if (outcome.staged) {
      await releaseStagedEntities(
        trx,
        outcome.staged.accepted.map(r => r.ref),
      );
    }
    const orphans = [
      ...new Set(dropped.map(d => d.target_entity_ref).filter(t => !added.has(t) && t !== ref)),
    ];
    if (orphans.length > 0) {
      if (options.orphanStrategy === 'delete') {
        const { deleted, restitch } = await deleteEntitiesCascade(trx, orphans);
        into.deleted += deleted.length;
        deleted.forEach(d => into.deletedRefs.add(d));
        restitch.forEach(r => into.restitch.add(r));
      } else {
        orphans.forEach(o => into.restitch.add(o));
      }
    }
  }

  const cacheJson = JSON.stringify(outcome.cache);
  const resultHash = sha([
    outcome.ok ? outcome.processedEntity : null,
    outcome.ok ? outcome.relations : null,
    errors,
    outcome.refreshKeys,
  ]);
  // An unchanged entity (most of a periodic refresh) writes nothing here: its claim already
  // moved next_update_at.
  const update: Record<string, string | null> = {};
  const errorsJson = errors.length ? JSON.stringify(errors) : null;
  if (errorsJson !== (claimed.errors.length ? JSON.stringify(claimed.errors) : null)) {
    update.errors = errorsJson;
  }
  if (cacheJson !== JSON.stringify(claimed.cache)) update.cache = cacheJson;
  if (resultHash !== claimed.resultHash) {
    update.result_hash = resultHash;
    into.restitch.add(ref);
    if (outcome.ok) {
      update.processed_entity = JSON.stringify(outcome.processedEntity);
      for (const source of reads.relationSources.get(claimed.entityId) ?? []) {
        into.restitch.add(source);
      }
      for (const r of outcome.relations) {
        into.pending.relations.push({
          ref,
          row: {
            originating_entity_id: claimed.entityId,
            source_entity_ref: r.source,
            type: r.type,
            target_entity_ref: r.target,
          },
        });
        into.restitch.add(r.source);
      }
    }
    // Relations and refresh keys are replaced only with a good result: a failed run keeps the
    // last good ones.
    if (outcome.ok) {
      into.pending.replaced.push({ ref, id: claimed.entityId });
      for (const key of new Set(outcome.refreshKeys)) {
        into.pending.keys.push({ ref, row: { entity_id: claimed.entityId, key } });
      }
    }
    // A rejected entity is shown on the parents that list it; children show inherited errors.
    if (!claimed.hasProcessedEntity) {
      for (const parent of reads.parents.get(ref) ?? []) into.restitch.add(parent);
    }
    const inherited = new Set(
      [...claimed.errors, ...errors].map(e => e.children).filter((v): v is string => !!v),
    );
    if (inherited.size > 0) {
      for (const c of await trx(TABLES.references)
        .where('source_entity_ref', ref)
        .whereIn('via', [...inherited])
        .select('target_entity_ref')) {
        into.restitch.add(c.target_entity_ref);
      }
    }
  }
  if (Object.keys(update).length > 0) {
    into.pending.updates.push({ ref, id: claimed.entityId, values: update });
    into.writes += 1;
  }

  const location = claimed.locationKey ?? undefined;
  const publishable = errors.filter(e => !e.children && !e.conflict);
  if (publishable.length > 0) {
    into.events.push({
      entity: ref,
      location,
      errors: publishable.map(e => ({ name: e.name, message: e.message })),
    });
  }
  for (const error of errors.filter(e => e.children)) {
    for (const c of await trx(TABLES.references)
      .where({ source_entity_ref: ref, via: error.children })
      .select('target_entity_ref')) {
      into.events.push({
        entity: c.target_entity_ref,
        location: error.children,
        errors: [{ name: error.name, message: error.message }],
      });
    }
  }
  into.events.push(...conflictEvents);
}
