import { createHash, randomUUID } from 'node:crypto';
import type { Entity, EntityStatusItem } from '@greenroom/catalog-model';
import type { CollectedEntities } from './collectEntities';
import type { ProcessingError } from './types';

/** An entity ready for the read side, plus what the engine records about its source. */
export interface StitchedEntity {
  ref: string;
  entity: Entity;
  hash: string;
  locationKey: string;
  /** Everything in `status.items`. */
  errors: ProcessingError[];
  /** The errors to publish for this entity (those not published for another ref already). */
  eventErrors: ProcessingError[];
}

/** An error with no entity of its own in the catalog (a lost conflict, a rejected entity). */
export interface UnattachedError {
  ref: string;
  location: string;
  errors: ProcessingError[];
}

export interface StitchResult {
  entities: StitchedEntity[];
  unattached: UnattachedError[];
}

/** Status items use Backstage's processing-error type and `Name: message` text. */
export const PROCESSING_STATUS_TYPE = 'backstage.io/catalog-processing';

function statusItem(error: ProcessingError): EntityStatusItem {
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
 * Picks one candidate per ref (the claim holder from earlier runs if it still produces the
 * ref, else the first in discovery order), gives it a stable uid, and fills in relations in
 * both directions and `status.items`.
 */
export function stitchEntities(
  collected: CollectedEntities,
  claims: ReadonlyMap<string, { entityId: string; locationKey: string }>,
): StitchResult {
  const byRef = new Map<string, CollectedEntities['candidates']>();
  for (const candidate of collected.candidates) {
    const list = byRef.get(candidate.ref) ?? [];
    list.push(candidate);
    byRef.set(candidate.ref, list);
  }
  const unattached: UnattachedError[] = collected.rejected.map(r => ({
    ref: r.ref,
    location: r.location,
    errors: [r.error],
  }));
  const winners = new Map<string, CollectedEntities['candidates'][number]>();
  for (const [ref, list] of byRef) {
    const claim = claims.get(ref);
    const winner = list.find(c => c.location.key === claim?.locationKey) ?? list[0];
    winners.set(ref, winner);
    const losers = new Map<string, string | undefined>();
    for (const c of list) {
      if (c.location.key !== winner.location.key) losers.set(c.location.key, c.parentRef);
    }
    for (const [location, parentRef] of losers) {
      const conflict: ProcessingError = {
        name: 'ConflictError',
        message: `${ref} from ${location} conflicts with the same entity from ${winner.location.key}, which keeps it`,
      };
      unattached.push({ ref, location, errors: [conflict] });
      collected.detached.push({
        entityRef: parentRef ?? ref,
        location,
        error: conflict,
        reported: true,
      });
    }
  }

  const relationsBySource = new Map<string, Map<string, { type: string; targetRef: string }>>();
  for (const winner of winners.values()) {
    for (const r of winner.relations) {
      const map = relationsBySource.get(r.source) ?? new Map();
      map.set(`${r.type} ${r.target}`, { type: r.type, targetRef: r.target });
      relationsBySource.set(r.source, map);
    }
  }
  const detachedByRef = new Map<string, CollectedEntities['detached']>();
  for (const d of collected.detached) {
    const list = detachedByRef.get(d.entityRef) ?? [];
    list.push(d);
    detachedByRef.set(d.entityRef, list);
  }

  const entities: StitchedEntity[] = [];
  for (const [ref, winner] of winners) {
    const detached = detachedByRef.get(ref) ?? [];
    const errors = [...winner.errors, ...detached.map(d => d.error)];
    const eventErrors = [...winner.errors, ...detached.filter(d => !d.reported).map(d => d.error)];
    const relations = [...(relationsBySource.get(ref)?.values() ?? [])].sort((a, b) =>
      a.type === b.type ? a.targetRef.localeCompare(b.targetRef) : a.type.localeCompare(b.type),
    );
    const entity: Entity = {
      ...winner.entity,
      metadata: { ...winner.entity.metadata, uid: claims.get(ref)?.entityId ?? randomUUID() },
      relations,
    };
    if (errors.length > 0) entity.status = { items: errors.map(statusItem) };
    const hash = hashEntity(entity);
    entity.metadata.etag = hash.slice(0, 40);
    entities.push({ ref, entity, hash, locationKey: winner.location.key, errors, eventErrors });
  }
  return { entities, unattached };
}
