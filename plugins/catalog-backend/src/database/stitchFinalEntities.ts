import { createHash } from 'node:crypto';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { ANNOTATION_ORPHAN, type Entity, type EntityStatusItem } from '@greenroom/catalog-model';
import type { Knex } from 'knex';
import type { CatalogStore } from './CatalogStore';
import { chunks } from './chunks';
import { parseErrors, type StoredError } from './refreshStateTypes';
import { TABLES } from './tables';

/** Status items use Backstage's processing-error type and `Name: message` text. */
export const PROCESSING_STATUS_TYPE = 'backstage.io/catalog-processing';

const STITCH_CHUNK = 200;

function statusItem(error: { name: string; message: string }): EntityStatusItem {
  return {
    type: PROCESSING_STATUS_TYPE,
    level: 'error',
    message: `${error.name}: ${error.message}`,
    error: { name: error.name, message: error.message },
  };
}

/** Content hash of an entity without its etag; the etag is derived from it. */
export function hashEntity(entity: Entity): string {
  const { etag: _etag, ...metadata } = entity.metadata;
  return createHash('sha256')
    .update(JSON.stringify({ ...entity, metadata }))
    .digest('hex');
}

/**
 * Builds the final entities of `refs` from the engine's tables (processed entity, relations
 * whose source is the entity, errors, orphan mark, uid, etag) and writes those whose hash
 * changed, in chunks, so memory stays bounded by the chunk size. Returns how many were written.
 */
export async function stitchFinalEntities(
  knex: Knex,
  store: CatalogStore,
  refs: Iterable<string>,
  options: { orphanStrategy: 'keep' | 'delete' },
): Promise<number> {
  let written = 0;
  for (const chunk of chunks([...new Set(refs)], STITCH_CHUNK)) {
    // Lets requests in between chunks (better-sqlite3 would otherwise starve the event loop).
    await nextMacrotask();
    written += await stitchChunk(knex, store, chunk, options.orphanStrategy);
  }
  return written;
}

async function stitchChunk(
  knex: Knex,
  store: CatalogStore,
  refs: string[],
  orphanStrategy: 'keep' | 'delete',
): Promise<number> {
  const rows = (await knex(TABLES.refreshState)
    .whereIn('entity_ref', refs)
    .whereNotNull('processed_entity')
    .select('entity_id', 'entity_ref', 'processed_entity', 'errors')) as Array<{
    entity_id: string;
    entity_ref: string;
    processed_entity: string;
    errors: string | null;
  }>;
  if (rows.length === 0) return 0;
  const present = rows.map(r => r.entity_ref);

  const relations = new Map<string, Map<string, { type: string; targetRef: string }>>();
  for (const r of await knex(TABLES.processedRelations)
    .whereIn('source_entity_ref', present)
    .select('source_entity_ref', 'type', 'target_entity_ref')) {
    const map = relations.get(r.source_entity_ref) ?? new Map();
    map.set(`${r.type} ${r.target_entity_ref}`, { type: r.type, targetRef: r.target_entity_ref });
    relations.set(r.source_entity_ref, map);
  }

  const incoming = new Map<string, Array<{ parent: string | null; via: string | null }>>();
  for (const r of await knex(TABLES.references)
    .whereIn('target_entity_ref', present)
    .select('source_entity_ref', 'target_entity_ref', 'via')) {
    if (r.source_entity_ref === r.target_entity_ref) continue;
    const list = incoming.get(r.target_entity_ref) ?? [];
    list.push({ parent: r.source_entity_ref, via: r.via });
    incoming.set(r.target_entity_ref, list);
  }
  const parents = [
    ...new Set(
      [...incoming.values()].flatMap(l => l.map(p => p.parent)).filter((p): p is string => !!p),
    ),
  ];
  const parentErrors = new Map<string, StoredError[]>();
  for (const part of chunks(parents, 300)) {
    for (const r of await knex(TABLES.refreshState)
      .whereIn('entity_ref', part)
      .whereNotNull('errors')
      .select('entity_ref', 'errors')) {
      parentErrors.set(r.entity_ref, parseErrors(r.errors));
    }
  }

  // Children that never processed cleanly are listed on the entity that emitted them.
  const rejected = new Map<string, Array<StoredError & { position: number }>>();
  for (const r of await knex(`${TABLES.references} as r`)
    .join(`${TABLES.refreshState} as s`, 's.entity_ref', 'r.target_entity_ref')
    .whereIn('r.source_entity_ref', present)
    .whereNull('s.processed_entity')
    .whereNotNull('s.errors')
    .select('r.source_entity_ref', 'r.position', 's.errors')) {
    const list = rejected.get(r.source_entity_ref) ?? [];
    for (const e of parseErrors(r.errors)) list.push({ ...e, position: Number(r.position) });
    rejected.set(r.source_entity_ref, list);
  }

  const existing = new Map<string, { entity_id: string; hash: string }>();
  for (const r of await knex(TABLES.entities)
    .whereIn('entity_ref', present)
    .select('entity_ref', 'entity_id', 'hash')) {
    existing.set(r.entity_ref, r);
  }

  const stale: string[] = [];
  const changed: Array<{ entity: Entity; hash: string }> = [];
  for (const row of rows) {
    const entity = JSON.parse(row.processed_entity) as Entity;
    const own = parseErrors(row.errors);
    const shown = [...own.filter(e => !e.children), ...(rejected.get(row.entity_ref) ?? [])].sort(
      (a, b) => (a.position ?? -1) - (b.position ?? -1),
    );
    const parentsOf = incoming.get(row.entity_ref) ?? [];
    for (const { parent, via } of parentsOf) {
      if (!parent || !via) continue;
      for (const e of parentErrors.get(parent) ?? []) if (e.children === via) shown.push(e);
    }
    entity.metadata = { ...entity.metadata, uid: row.entity_id };
    if (orphanStrategy === 'keep' && parentsOf.length === 0) {
      entity.metadata.annotations = { ...entity.metadata.annotations, [ANNOTATION_ORPHAN]: 'true' };
    }
    entity.relations = [...(relations.get(row.entity_ref)?.values() ?? [])].sort((a, b) =>
      a.type === b.type ? a.targetRef.localeCompare(b.targetRef) : a.type.localeCompare(b.type),
    );
    if (shown.length > 0) entity.status = { items: shown.map(statusItem) };
    else delete entity.status;
    const hash = hashEntity(entity);
    entity.metadata.etag = hash.slice(0, 40);
    const prior = existing.get(row.entity_ref);
    if (prior && prior.entity_id !== row.entity_id) stale.push(prior.entity_id);
    else if (prior?.hash === hash) continue;
    changed.push({ entity, hash });
  }
  if (stale.length > 0) await store.deleteEntities(stale);
  await store.upsertFinalEntities(changed);
  return changed.length;
}
