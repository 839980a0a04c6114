import type { Entity } from '@greenroom/catalog-model';
import type { EmittedRelation } from './entityRelations';
import type { SourceLocation } from './locationKeys';

/** A processing error as it appears in `status.items[].error` and in error events. */
export interface ProcessingError {
  name: string;
  message: string;
}

/** An entity read from a location, processed but not yet stitched. */
export interface EntityCandidate {
  ref: string;
  entity: Entity;
  /** The file the entity was read from. */
  location: SourceLocation;
  relations: EmittedRelation[];
  errors: ProcessingError[];
  /** The Location entity that pointed at this entity's file (roots have none). */
  parentRef?: string;
}

/** An error that belongs to no entity of its own; it is shown on `entityRef` (a Location). */
export interface DetachedError {
  entityRef: string;
  location: string;
  error: ProcessingError;
  /** Already published in an event of its own (a rejected entity, a lost conflict). */
  reported?: boolean;
}

/** What the engine knows from earlier runs, to keep entities whose source broke. */
export interface PreviousEntities {
  /** The last good final entities read from this location. */
  fromLocation(locationKey: string): Promise<Entity[]>;
  /** The last good final entity with this ref, if any. */
  byRef(ref: string): Promise<Entity | undefined>;
}

export function toProcessingError(error: unknown, name = 'InputError'): ProcessingError {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    name: e.name && e.name !== 'Error' && e.name !== 'TypeError' ? e.name : name,
    message: e.message,
  };
}
