/** The index page's filters; they live in the URL so a view can be shared and survives reload. */
export interface CatalogFilters {
  kind: string;
  type: string[];
  owners: string[];
  lifecycles: string[];
  tags: string[];
  namespaces: string[];
  user: UserListFilter;
  text: string;
}

export type UserListFilter = 'owned' | 'starred' | 'all';

export type SortColumn =
  'name' | 'system' | 'owner' | 'type' | 'lifecycle' | 'description' | 'tags';

export interface CatalogSort {
  column: SortColumn;
  order: 'asc' | 'desc';
}

export const DEFAULT_KIND = 'component';
export const DEFAULT_SORT: CatalogSort = { column: 'name', order: 'asc' };

/** Catalog field each column sorts by. */
export const SORT_FIELDS: Record<SortColumn, string> = {
  name: 'metadata.name',
  system: 'spec.system',
  owner: 'spec.owner',
  type: 'spec.type',
  lifecycle: 'spec.lifecycle',
  description: 'metadata.description',
  tags: 'metadata.tags',
};

// Backstage's parameter names, so links from one portal work in the other.
const LIST_PARAMS = {
  type: 'filters[type]',
  owners: 'filters[owners]',
  lifecycles: 'filters[lifecycles]',
  tags: 'filters[tags]',
  namespaces: 'filters[namespace]',
} as const;

const USER_LISTS: readonly UserListFilter[] = ['owned', 'starred', 'all'];

function values(params: URLSearchParams, name: string): string[] {
  return [
    ...new Set(
      params
        .getAll(name)
        .map(v => v.trim())
        .filter(Boolean),
    ),
  ];
}

export function readCatalogFilters(params: URLSearchParams): CatalogFilters {
  const user = params.get('filters[user]') as UserListFilter | null;
  return {
    kind: (params.get('filters[kind]')?.trim() || DEFAULT_KIND).toLocaleLowerCase('en-US'),
    type: values(params, LIST_PARAMS.type),
    owners: values(params, LIST_PARAMS.owners),
    lifecycles: values(params, LIST_PARAMS.lifecycles),
    tags: values(params, LIST_PARAMS.tags),
    namespaces: values(params, LIST_PARAMS.namespaces),
    user: user && USER_LISTS.includes(user) ? user : 'all',
    text: params.get('filters[text]') ?? '',
  };
}

export function readCatalogSort(params: URLSearchParams): CatalogSort {
  const [column, order] = (params.get('sort') ?? '').split(',');
  if (column in SORT_FIELDS && (order === 'asc' || order === 'desc')) {
    return { column: column as SortColumn, order };
  }
  return DEFAULT_SORT;
}

/** The URL query for filters and sort; defaults other than the kind are left out. */
export function writeCatalogQuery(filters: CatalogFilters, sort: CatalogSort): URLSearchParams {
  const params = new URLSearchParams();
  params.set('filters[kind]', filters.kind);
  for (const [key, name] of Object.entries(LIST_PARAMS)) {
    for (const value of filters[key as keyof typeof LIST_PARAMS]) params.append(name, value);
  }
  if (filters.user !== 'all') params.set('filters[user]', filters.user);
  if (filters.text.trim()) params.set('filters[text]', filters.text);
  if (sort.column !== DEFAULT_SORT.column || sort.order !== DEFAULT_SORT.order) {
    params.set('sort', `${sort.column},${sort.order}`);
  }
  return params;
}
