import { stringifyEntityRef, type Entity } from '@greenroom/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@greenroom/errors';
import type { ClaimedEntity, StoredError } from '../database/refreshStateTypes';
import { processClaimedEntity, type ProcessingContext } from '../processing/processClaimedEntity';
import { generatedLocationEntity } from '../processing/providers/generatedLocationEntity';
import { createCappedChildren } from './cappedChildren';

/** At most this many entities (the Location itself included) per dry run; beyond it, a 400. */
export const DRY_RUN_ENTITY_LIMIT = 10_000;

interface Pending {
  ref: string;
  /** Serialised, as the engine keeps children, until its turn comes. */
  json: string;
  locationKey: string | null;
}

/**
 * The entities registering this location would produce (`POST /locations?dryRun=true`): its
 * generated Location and everything it leads to, each processed by the engine's own
 * `processClaimedEntity` (modules' processors and placeholder resolvers included), breadth
 * first, in memory, nothing written. As in Backstage, any error fails the whole dry run (400),
 * and so does a ref met twice; a location that can not be read at all is a 404 or 403.
 */
export async function previewLocation(options: {
  processingContext(registering?: string): Promise<ProcessingContext>;
  location: { type: 'file' | 'url'; target: string };
}): Promise<Entity[]> {
  const { type, target } = options.location;
  const limit = DRY_RUN_ENTITY_LIMIT;
  const rootKey = `${type}:${target}`;
  const base = await options.processingContext(rootKey);

  const root = generatedLocationEntity(type, target);
  const rootRef = stringifyEntityRef(root);
  // Breadth first; a processed slot is cleared so its JSON can go.
  const queue: Array<Pending | undefined> = [
    { ref: rootRef, json: JSON.stringify(root), locationKey: rootKey },
  ];
  const seen = new Set([rootRef]);
  const entities: Entity[] = [];
  const tooMany = () =>
    new InputError(
      `A dry run stops at ${limit} entities and ${rootKey} leads to more; register it to process it in full`,
    );
  let overflowed = false;
  const context: ProcessingContext = {
    ...base,
    stageChildren: () =>
      createCappedChildren(limit - seen.size, () => {
        overflowed = true;
        return tooMany();
      }),
  };

  for (let next = 0; next < queue.length; next++) {
    const pending = queue[next]!;
    queue[next] = undefined;
    const outcome = await processClaimedEntity(claimedFor(pending), context);
    if (overflowed) throw tooMany();
    if (pending.ref === rootRef) refuseUnreadableRoot(rootKey, outcome.errors);
    const shown = outcome.errors.filter(e => !e.children);
    if (!outcome.ok || shown.length > 0 || !outcome.processedEntity) {
      const reasons = shown.map(e => `${e.name}: ${e.message}`).join(', ');
      throw new InputError(`Processing ${pending.ref} failed: ${reasons || 'unknown error'}`);
    }
    entities.push(outcome.processedEntity);
    for (const child of outcome.children) {
      if (seen.has(child.ref)) throw new InputError(`Duplicate nested entity: ${child.ref}`);
      seen.add(child.ref);
      if (seen.size > limit) throw tooMany();
      queue.push({ ref: child.ref, json: child.json, locationKey: child.locationKey ?? null });
    }
  }
  return entities;
}

function claimedFor(pending: Pending): ClaimedEntity {
  return {
    entityId: pending.ref,
    entityRef: pending.ref,
    unprocessedEntity: JSON.parse(pending.json) as Entity,
    hasProcessedEntity: false,
    resultHash: null,
    // Without a cache, as Backstage's dry run: every file is read in full.
    cache: {},
    errors: [],
    locationKey: pending.locationKey,
  };
}

/** The registered location itself unreadable: 404 when missing, 403 when refused (as before). */
function refuseUnreadableRoot(rootKey: string, errors: readonly StoredError[]) {
  const failed = errors.find(e => e.children === rootKey);
  if (!failed || errors.some(e => e.name === 'SyntaxError')) return;
  const message = `Could not read ${rootKey}: ${failed.message}`;
  if (failed.name === 'NotAllowedError') throw new NotAllowedError(message);
  if (failed.name === 'NotFoundError') throw new NotFoundError(message);
  throw new InputError(message);
}
