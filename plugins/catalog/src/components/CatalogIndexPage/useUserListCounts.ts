import { useApi } from '@greenroom/frontend-plugin-api';
import { catalogApiRef } from '@greenroom/plugin-catalog-react';
import type { EntityFilterQuery } from '@greenroom/plugin-catalog-react';
import { useEffect, useState } from 'react';
import type { UserListFilter } from './catalogFilters';

/** How many entities each of Owned / Starred / All would show with the other filters applied. */
export function useUserListCounts(
  filters: Record<UserListFilter, EntityFilterQuery | null | undefined>,
  fullText: string,
): Partial<Record<UserListFilter, number>> {
  const catalogApi = useApi(catalogApiRef);
  const [counts, setCounts] = useState<Partial<Record<UserListFilter, number>>>({});
  const key = JSON.stringify(filters);

  useEffect(() => {
    const lists = Object.entries(filters) as [
      UserListFilter,
      EntityFilterQuery | null | undefined,
    ][];
    if (lists.some(([, filter]) => filter === undefined)) return;
    let current = true;
    Promise.all(
      lists.map(async ([list, filter]) => [
        list,
        filter === null ? 0 : await catalogApi.countEntities(filter, fullText.trim() || undefined),
      ]),
    ).then(
      entries => current && setCounts(Object.fromEntries(entries)),
      () => current && setCounts({}), // the table shows the error; counts just stay blank
    );
    return () => {
      current = false;
    };
    // `key` stands for `filters`.
  }, [catalogApi, key, fullText]);
  return counts;
}
