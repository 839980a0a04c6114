import type { Entity } from '@greenroom/catalog-model';
import type { JsonValue } from './json';

/** Where an entity was read from, as Backstage's `LocationSpec` (`type` e.g. `file`, `url`). */
export interface LocationSpec {
  type: string;
  target: string;
  presence?: 'optional' | 'required';
}

/** A relation between two entities, by compound ref (Backstage's `EntityRelationSpec`). */
export interface EntityRelationSpec {
  source: { kind: string; namespace: string; name: string };
  type: string;
  target: { kind: string; namespace: string; name: string };
}

/** One thing a processor reports while it handles an entity (see `processingResult`). */
export type CatalogProcessorResult =
  | { type: 'entity'; location: LocationSpec; entity: Entity; locationKey?: string | null }
  | { type: 'location'; location: LocationSpec }
  | { type: 'relation'; relation: EntityRelationSpec }
  | { type: 'refresh'; key: string }
  | { type: 'error'; location: LocationSpec; error: Error };

export type CatalogProcessorEmit = (result: CatalogProcessorResult) => void;

/** JSON the processor keeps for this entity from one processing run to the next. */
export interface CatalogProcessorCache {
  get<T extends JsonValue>(key: string): Promise<T | undefined>;
  set<T extends JsonValue>(key: string, value: T): Promise<void>;
}

/** Parses the raw bytes of a location into processor results (entities or errors). */
export type CatalogProcessorParser = (options: {
  data: Buffer;
  location: LocationSpec;
}) => AsyncIterable<CatalogProcessorResult>;

/** Backstage's `CatalogProcessor`: every hook is optional except the name. */
export interface CatalogProcessor {
  getProcessorName(): string;
  /** Lower runs first; default 20. */
  getPriority?(): number;
  /** True when this processor handled the location's type. */
  readLocation?(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
    parser: CatalogProcessorParser,
    cache: CatalogProcessorCache,
  ): Promise<boolean>;
  preProcessEntity?(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
    originLocation: LocationSpec,
    cache: CatalogProcessorCache,
  ): Promise<Entity>;
  /** True: my kind, and valid. False: not my kind. Throws: my kind, and invalid. */
  validateEntityKind?(entity: Entity): Promise<boolean>;
  postProcessEntity?(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity>;
}

function error(name: string, location: LocationSpec, message: string): CatalogProcessorResult {
  const e = new Error(message);
  e.name = name;
  return { type: 'error', location, error: e };
}

/** Builders for what processors emit, as Backstage's `processingResult`. */
export const processingResult = Object.freeze({
  notFoundError: (location: LocationSpec, message: string) =>
    error('NotFoundError', location, message),
  inputError: (location: LocationSpec, message: string) => error('InputError', location, message),
  generalError: (location: LocationSpec, message: string) => error('Error', location, message),
  location: (location: LocationSpec): CatalogProcessorResult => ({ type: 'location', location }),
  entity: (
    location: LocationSpec,
    entity: Entity,
    options?: { locationKey?: string | null },
  ): CatalogProcessorResult => ({
    type: 'entity',
    location,
    entity,
    locationKey: options?.locationKey,
  }),
  relation: (relation: EntityRelationSpec): CatalogProcessorResult => ({
    type: 'relation',
    relation,
  }),
  refresh: (key: string): CatalogProcessorResult => ({ type: 'refresh', key }),
});
