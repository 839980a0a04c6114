import type { Entity } from '@greenroom/catalog-model';
import { catalogApiRef } from '@greenroom/plugin-catalog-react';
import type { EntityFilterQuery, QueryEntitiesResponse } from '@greenroom/plugin-catalog-react';
import { useApi } from '@greenroom/frontend-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CatalogSort } from './catalogFilters';
import { SORT_FIELDS } from './catalogFilters';

// What the table shows; the rest of the entity stays on the server.
const FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.tags',
  'metadata.annotations',
  'metadata.uid',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'spec.system',
  'spec.profile',
  'relations',
];

export interface EntityListPage {
  loading: boolean;
  error?: Error;
  items: Entity[];
  totalItems: number;
  /** Zero-based index of the page shown. */
  pageIndex: number;
  hasNext: boolean;
  hasPrevious: boolean;
  next(): void;
  previous(): void;
  retry(): void;
}

/**
 * One page of entities from `/entities/by-query`: the first page for the filter, then the
 * server's cursors for next and previous. Never loads more than one page.
 */
export function useEntityListPage(options: {
  /** `null`: nothing can match, show an empty list. `undefined`: not ready to ask yet. */
  filter: EntityFilterQuery | null | undefined;
  fullText: string;
  sort: CatalogSort;
  pageSize: number;
}): EntityListPage {
  const catalogApi = useApi(catalogApiRef);
  const { filter, fullText, sort, pageSize } = options;
  const [state, setState] = useState<{
    loading: boolean;
    error?: Error;
    response?: QueryEntitiesResponse;
    pageIndex: number;
  }>({ loading: true, pageIndex: 0 });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const filterKey = JSON.stringify(filter);

  const load = useCallback((request: () => Promise<QueryEntitiesResponse>, pageIndex: number) => {
    const id = ++latest.current;
    setState(previous => ({ ...previous, loading: true, error: undefined }));
    request().then(
      response => {
        if (id === latest.current) setState({ loading: false, response, pageIndex });
      },
      (error: Error) => {
        if (id === latest.current) setState(previous => ({ ...previous, loading: false, error }));
      },
    );
  }, []);

  useEffect(() => {
    if (filter === undefined) return;
    if (filter === null) {
      latest.current += 1;
      setState({
        loading: false,
        pageIndex: 0,
        response: { items: [], totalItems: 0, pageInfo: {} },
      });
      return;
    }
    load(
      () =>
        catalogApi.queryEntities({
          filter,
          limit: pageSize,
          fields: FIELDS,
          orderFields: [{ field: SORT_FIELDS[sort.column], order: sort.order }],
          fullTextFilter: fullText.trim() ? { term: fullText.trim() } : undefined,
        }),
      0,
    );
    // filterKey stands for filter: a new object with the same content must not reload.
  }, [catalogApi, load, filterKey, fullText, sort.column, sort.order, pageSize, attempt]);

  const { response, pageIndex } = state;
  const nextCursor = response?.pageInfo.nextCursor;
  const prevCursor = response?.pageInfo.prevCursor;
  const next = useCallback(() => {
    if (nextCursor) {
      load(
        () => catalogApi.queryEntities({ cursor: nextCursor, limit: pageSize, fields: FIELDS }),
        pageIndex + 1,
      );
    }
  }, [catalogApi, load, nextCursor, pageIndex, pageSize]);
  const previous = useCallback(() => {
    if (prevCursor) {
      load(
        () => catalogApi.queryEntities({ cursor: prevCursor, limit: pageSize, fields: FIELDS }),
        Math.max(0, pageIndex - 1),
      );
    }
  }, [catalogApi, load, prevCursor, pageIndex, pageSize]);

  return {
    loading: state.loading,
    error: state.error,
    items: response?.items ?? [],
    totalItems: response?.totalItems ?? 0,
    pageIndex,
    hasNext: Boolean(nextCursor),
    hasPrevious: Boolean(prevCursor),
    next,
    previous,
    retry: () => setAttempt(n => n + 1),
  };
}
