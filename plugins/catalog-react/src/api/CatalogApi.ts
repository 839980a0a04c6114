import type { CompoundEntityRef, Entity } from '@greenroom/catalog-model';
import { createApiRef } from '@greenroom/frontend-plugin-api';

/**
 * The catalog backend as the frontend sees it. Method names and shapes follow
 * `@backstage/catalog-client`'s `CatalogApi`, so code written against Backstage reads the same;
 * only what the catalog pages need is here.
 */
export interface CatalogApi {
  /** `GET /entities/by-query`: one page, with cursors. Never loads the whole catalog. */
  queryEntities(request: QueryEntitiesRequest): Promise<QueryEntitiesResponse>;
  /** `GET /entities/by-name/{kind}/{namespace}/{name}`; undefined on 404. */
  getEntityByRef(ref: string | CompoundEntityRef): Promise<Entity | undefined>;
  /** `POST /entities/by-refs`: items in request order, null where not found. */
  getEntitiesByRefs(request: {
    entityRefs: string[];
    fields?: string[];
  }): Promise<{ items: (Entity | null)[] }>;
  /** `GET /entity-facets`. */
  getEntityFacets(request: {
    facets: string[];
    filter?: EntityFilterQuery;
  }): Promise<{ facets: Record<string, { value: string; count: number }[]> }>;
  /** `GET /entities/by-query?filter=...&limit=0` and read `totalItems`. */
  countEntities(filter?: EntityFilterQuery, fullTextFilterTerm?: string): Promise<number>;
  /** `GET /entities/by-name/{kind}/{namespace}/{name}/ancestry`. */
  getEntityAncestors(request: { entityRef: string }): Promise<EntityAncestry>;
  /** `POST /refresh`. */
  refreshEntity(entityRef: string): Promise<void>;
  /** `DELETE /entities/by-uid/{uid}`. */
  removeEntityByUid(uid: string): Promise<void>;
  /** `GET /locations/by-entity/{kind}/{namespace}/{name}`; undefined on 404. */
  getLocationByEntity(ref: string | CompoundEntityRef): Promise<CatalogLocation | undefined>;
  /** `DELETE /locations/{id}`. */
  removeLocationById(id: string): Promise<void>;
  /** `POST /locations` (`dryRun` previews without registering). */
  addLocation(request: {
    type?: string;
    target: string;
    dryRun?: boolean;
  }): Promise<AddLocationResponse>;
  /** `POST /analyze-location`. */
  analyzeLocation(request: {
    location: { type: string; target: string };
    catalogFilename?: string;
  }): Promise<AnalyzeLocationResponse>;
}

/** One filter set is AND of its keys; an array of sets is OR (Backstage's `filter` semantics). */
export type EntityFilterQuery =
  | Record<string, string | symbol | (string | symbol)[]>
  | Record<string, string | symbol | (string | symbol)[]>[];

/** Pass as a filter value to ask only that the key exists (Backstage's `CATALOG_FILTER_EXISTS`). */
export const CATALOG_FILTER_EXISTS = Symbol.for(
  'CATALOG_FILTER_EXISTS_0e15b590c0b343a2bae3e787e84c2111',
);

export type QueryEntitiesRequest =
  | {
      filter?: EntityFilterQuery;
      fields?: string[];
      limit?: number;
      orderFields?: { field: string; order: 'asc' | 'desc' }[];
      fullTextFilter?: { term: string; fields?: string[] };
    }
  | { cursor: string; limit?: number; fields?: string[] };

export interface QueryEntitiesResponse {
  items: Entity[];
  totalItems: number;
  pageInfo: { nextCursor?: string; prevCursor?: string };
}

export interface EntityAncestry {
  rootEntityRef: string;
  items: { entity: Entity; parentEntityRefs: string[] }[];
}

export interface CatalogLocation {
  id: string;
  type: string;
  target: string;
}

export interface AddLocationResponse {
  location: CatalogLocation;
  entities: Entity[];
  exists?: boolean;
}

export interface AnalyzeLocationResponse {
  existingEntityFiles: {
    location: { type: string; target: string };
    isRegistered: boolean;
    entity: Entity;
  }[];
  generateEntities: { entity: Partial<Entity>; fields: unknown[] }[];
}

export const catalogApiRef = createApiRef<CatalogApi>({ id: 'plugin.catalog.service' });
