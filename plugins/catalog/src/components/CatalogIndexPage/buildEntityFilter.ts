import { parseEntityRef, stringifyEntityRef } from '@greenroom/catalog-model';
import type { EntityFilterQuery } from '@greenroom/plugin-catalog-react';
import type { CatalogFilters, UserListFilter } from './catalogFilters';

// The backend accepts at most 100 conditions; each starred entity costs a few.
const MAX_STARRED_IN_FILTER = 20;

/**
 * The catalog filter for the index page, or `null` when nothing can match (no starred entity of
 * this kind, owners that exclude the user's own): the page then shows an empty list without asking.
 */
export function buildEntityFilter(
  filters: CatalogFilters,
  user: { list: UserListFilter; ownershipRefs: readonly string[]; starredRefs: readonly string[] },
): EntityFilterQuery | null {
  const base: Record<string, string | string[]> = { kind: filters.kind };
  if (filters.type.length) base['spec.type'] = filters.type;
  if (filters.lifecycles.length) base['spec.lifecycle'] = filters.lifecycles;
  if (filters.tags.length) base['metadata.tags'] = filters.tags;
  if (filters.namespaces.length) base['metadata.namespace'] = filters.namespaces;

  let owners = filters.owners.map(lowerRef);
  if (user.list === 'owned') {
    const mine = user.ownershipRefs.map(lowerRef);
    owners = owners.length ? owners.filter(owner => mine.includes(owner)) : mine;
    if (owners.length === 0) return null;
  }
  if (owners.length) base['relations.ownedBy'] = owners;

  if (user.list !== 'starred') return base;
  const starred = user.starredRefs
    .map(ref => parseEntityRef(ref))
    .filter(ref => ref.kind.toLocaleLowerCase('en-US') === filters.kind)
    .filter(
      ref =>
        filters.namespaces.length === 0 ||
        filters.namespaces.some(
          ns => ns.toLocaleLowerCase('en-US') === ref.namespace.toLocaleLowerCase('en-US'),
        ),
    )
    .slice(0, MAX_STARRED_IN_FILTER);
  if (starred.length === 0) return null;
  // One filter set per starred entity (sets are ORed), each carrying the other conditions.
  return starred.map(ref => ({
    ...base,
    'metadata.namespace': ref.namespace.toLocaleLowerCase('en-US'),
    'metadata.name': ref.name.toLocaleLowerCase('en-US'),
  }));
}

function lowerRef(ref: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return ref.toLocaleLowerCase('en-US');
  }
}
