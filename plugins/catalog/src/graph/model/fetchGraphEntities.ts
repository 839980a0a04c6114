import { DEFAULT_NAMESPACE, stringifyEntityRef } from '@greenroom/catalog-model';
import type { Entity } from '@greenroom/catalog-model';
import type { CatalogApi } from '@greenroom/plugin-catalog-react';
import type { FetchGraphEntities, GraphEntity } from './types';

/** Only what a node shows and where its edges go: keeps a 200-entity walk small on the wire. */
export const GRAPH_ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'relations',
];

export function toGraphEntity(entity: Entity): GraphEntity {
  return {
    ref: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace || DEFAULT_NAMESPACE,
    name: entity.metadata.name,
    title: typeof entity.metadata.title === 'string' ? entity.metadata.title : undefined,
    relations: (entity.relations ?? []).map(({ type, targetRef }) => ({ type, targetRef })),
  };
}

/**
 * `getEntitiesByRefs` with the graph's fields, remembering answers (also "not found") so that
 * changing depth or filters only fetches entities not seen before.
 */
export function createGraphEntityFetcher(
  catalogApi: Pick<CatalogApi, 'getEntitiesByRefs'>,
): FetchGraphEntities {
  const cache = new Map<string, GraphEntity | null>();
  return async refs => {
    const missing = refs.filter(ref => !cache.has(ref));
    if (missing.length > 0) {
      const { items } = await catalogApi.getEntitiesByRefs({
        entityRefs: missing,
        fields: GRAPH_ENTITY_FIELDS,
      });
      missing.forEach((ref, i) => {
        const entity = items[i];
        cache.set(ref, entity ? toGraphEntity(entity) : null);
      });
    }
    return refs.map(ref => cache.get(ref) ?? null);
  };
}
