import { useApi } from '@greenroom/frontend-plugin-api';
import { catalogApiRef } from '@greenroom/plugin-catalog-react';
import { useEffect, useState } from 'react';

export interface FacetOption {
  value: string;
  count: number;
}

export interface CatalogFacets {
  kinds: FacetOption[];
  types: FacetOption[];
  owners: FacetOption[];
  lifecycles: FacetOption[];
  tags: FacetOption[];
  namespaces: FacetOption[];
  error?: Error;
}

const EMPTY: CatalogFacets = {
  kinds: [],
  types: [],
  owners: [],
  lifecycles: [],
  tags: [],
  namespaces: [],
};

const byValue = (a: FacetOption, b: FacetOption) => a.value.localeCompare(b.value);

/**
 * Filter options from `/entity-facets`: kinds over the whole catalog, the rest within `kind`.
 * Nothing is requested until `ready` (the page holds it back until its table first loaded).
 */
export function useCatalogFacets(kind: string, ready = true): CatalogFacets {
  const catalogApi = useApi(catalogApiRef);
  const [facets, setFacets] = useState<CatalogFacets>(EMPTY);

  useEffect(() => {
    if (!ready) return undefined;
    let current = true;
    Promise.all([
      catalogApi.getEntityFacets({ facets: ['kind'] }),
      catalogApi.getEntityFacets({
        facets: [
          'spec.type',
          'relations.ownedBy',
          'spec.lifecycle',
          'metadata.tags',
          'metadata.namespace',
        ],
        filter: { kind },
      }),
    ]).then(
      ([kinds, rest]) => {
        if (!current) return;
        const get = (key: string) => [...(rest.facets[key] ?? [])].sort(byValue);
        setFacets({
          kinds: [...(kinds.facets.kind ?? [])].sort(byValue),
          types: get('spec.type'),
          owners: get('relations.ownedBy'),
          lifecycles: get('spec.lifecycle'),
          tags: get('metadata.tags'),
          namespaces: get('metadata.namespace'),
        });
      },
      (error: Error) => current && setFacets({ ...EMPTY, error }),
    );
    return () => {
      current = false;
    };
  }, [catalogApi, kind, ready]);

  return facets;
}
