import { reverseRelation, stringifyEntityRef } from '@greenroom/catalog-model';
import type { Entity } from '@greenroom/catalog-model';
import type { CatalogApi } from '@greenroom/plugin-catalog-react';

/** `[from, type, to]`: a relation as a catalog file would produce it; the reverse is added. */
export type RelationSpec = [from: string, type: string, to: string];

/**
 * Entities with relations in both directions, as the catalog stitches them, and a
 * `getEntitiesByRefs` over them that records each request.
 */
export function fakeGraphCatalog(refs: string[], relations: RelationSpec[]) {
  const entities = new Map<string, Entity>();
  for (const ref of refs) {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: kind[0].toUpperCase() + kind.slice(1),
      metadata: { name, namespace, description: 'not needed by the graph' },
      spec: { type: 'service' },
      relations: [],
    };
    entities.set(stringifyEntityRef(entity), entity);
  }
  const add = (from: string, type: string, to: string) =>
    entities.get(from)?.relations?.push({ type, targetRef: to });
  for (const [from, type, to] of relations) {
    add(from, type, to);
    const reverse = reverseRelation(type);
    if (reverse) add(to, reverse, from);
  }

  const requests: { entityRefs: string[]; fields?: string[] }[] = [];
  const api: Pick<CatalogApi, 'getEntitiesByRefs'> = {
    async getEntitiesByRefs(request) {
      requests.push({ entityRefs: [...request.entityRefs], fields: request.fields });
      return { items: request.entityRefs.map(ref => entities.get(ref.toLowerCase()) ?? null) };
    },
  };
  return { api, entities, requests };
}
