import { describe, expect, it } from 'vitest';
import { buildEntityFilter } from './buildEntityFilter';
import { readCatalogFilters, readCatalogSort, writeCatalogQuery } from './catalogFilters';

const params = (query: string) => new URLSearchParams(query);

describe('catalog filters in the URL', () => {
  it('reads Backstage-style parameters, with defaults for what is missing', () => {
    const filters = readCatalogFilters(
      params(
        'filters[kind]=API&filters[type]=openapi&filters[type]=grpc&filters[owners]=group:default/a&filters[user]=starred&filters[text]=pay',
      ),
    );
    expect(filters).toEqual({
      kind: 'api',
      type: ['openapi', 'grpc'],
      owners: ['group:default/a'],
      lifecycles: [],
      tags: [],
      namespaces: [],
      user: 'starred',
      text: 'pay',
    });
    expect(readCatalogFilters(params('')).kind).toBe('component');
    expect(readCatalogFilters(params('')).user).toBe('all');
  });

  it('ignores unknown lists, blank and repeated values, and bad sorts', () => {
    const filters = readCatalogFilters(
      params('filters[user]=mine&filters[tags]=&filters[tags]=java&filters[tags]=java'),
    );
    expect(filters.user).toBe('all');
    expect(filters.tags).toEqual(['java']);
    expect(readCatalogSort(params('sort=owner,desc'))).toEqual({ column: 'owner', order: 'desc' });
    expect(readCatalogSort(params('sort=uid,desc'))).toEqual({ column: 'name', order: 'asc' });
    expect(readCatalogSort(params('sort=owner,sideways'))).toEqual({
      column: 'name',
      order: 'asc',
    });
  });

  it('writes what it reads, leaving defaults out', () => {
    const query =
      'filters[kind]=component&filters[tags]=a&filters[tags]=b&filters[user]=owned&sort=type,desc';
    const written = writeCatalogQuery(
      readCatalogFilters(params(query)),
      readCatalogSort(params(query)),
    );
    expect(decodeURIComponent(written.toString())).toBe(
      'filters[kind]=component&filters[tags]=a&filters[tags]=b&filters[user]=owned&sort=type,desc',
    );
    const defaults = writeCatalogQuery(readCatalogFilters(params('')), readCatalogSort(params('')));
    expect(defaults.toString()).toBe('filters%5Bkind%5D=component');
  });
});

describe('buildEntityFilter', () => {
  const none = { list: 'all' as const, ownershipRefs: [], starredRefs: [] };

  it('ANDs every filter and uses relations for owners', () => {
    const filters = readCatalogFilters(
      params(
        'filters[type]=service&filters[owners]=Group:default/Team-A&filters[lifecycles]=production&filters[namespace]=ops',
      ),
    );
    expect(buildEntityFilter(filters, none)).toEqual({
      kind: 'component',
      'spec.type': ['service'],
      'spec.lifecycle': ['production'],
      'metadata.namespace': ['ops'],
      'relations.ownedBy': ['group:default/team-a'],
    });
  });

  it('keeps only owners that are the user’s for Owned, and nothing when none are', () => {
    const mine = {
      list: 'owned' as const,
      ownershipRefs: ['user:default/me', 'group:default/a'],
      starredRefs: [],
    };
    expect(buildEntityFilter(readCatalogFilters(params('')), mine)).toEqual({
      kind: 'component',
      'relations.ownedBy': ['user:default/me', 'group:default/a'],
    });
    expect(
      buildEntityFilter(readCatalogFilters(params('filters[owners]=group:default/a')), mine),
    ).toEqual({ kind: 'component', 'relations.ownedBy': ['group:default/a'] });
    expect(
      buildEntityFilter(readCatalogFilters(params('filters[owners]=group:default/b')), mine),
    ).toBeNull();
    expect(
      buildEntityFilter(readCatalogFilters(params('')), { ...mine, ownershipRefs: [] }),
    ).toBeNull();
  });

  it('ORs one set per starred entity of the kind and namespaces', () => {
    const starred = {
      list: 'starred' as const,
      ownershipRefs: [],
      starredRefs: ['component:default/a', 'component:ops/b', 'api:default/c'],
    };
    expect(buildEntityFilter(readCatalogFilters(params('filters[tags]=java')), starred)).toEqual([
      {
        kind: 'component',
        'metadata.tags': ['java'],
        'metadata.namespace': 'default',
        'metadata.name': 'a',
      },
      {
        kind: 'component',
        'metadata.tags': ['java'],
        'metadata.namespace': 'ops',
        'metadata.name': 'b',
      },
    ]);
    expect(
      buildEntityFilter(readCatalogFilters(params('filters[namespace]=ops')), starred),
    ).toEqual([{ kind: 'component', 'metadata.namespace': 'ops', 'metadata.name': 'b' }]);
    expect(
      buildEntityFilter(readCatalogFilters(params('filters[kind]=group')), starred),
    ).toBeNull();
  });
});
