import { TestDatabases } from '@greenroom/backend-test-utils';
import type { Entity } from '@greenroom/catalog-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from './CatalogStore';
import { createEntityQueries, type EntityQueries } from './EntityQueries';
import { applyCatalogMigrations } from './migrations';
import { TABLES } from './tables';

const databases = TestDatabases.create();

function component(
  name: string,
  spec: Record<string, unknown>,
  extra: Partial<Entity> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, uid: `uid-${name}` },
    spec,
    ...extra,
  };
}

describe.each(databases.eachSupportedId())('entity storage on %s', id => {
  let store: CatalogStore;
  let queries: EntityQueries;
  let knex: Awaited<ReturnType<typeof databases.init>>;
  const names = async (request: Parameters<EntityQueries['listEntities']>[0]) =>
    (await queries.listEntities(request)).map(e => e.metadata.name);

  beforeAll(async () => {
    knex = await databases.init(id);
    await applyCatalogMigrations(knex);
    store = createCatalogStore(knex);
    queries = createEntityQueries(knex);
    await store.upsertFinalEntities([
      { entity: component('alpha', { type: 'service', owner: 'team-a' }) },
      { entity: component('beta', { type: 'website' }) },
      { entity: component('gamma_1', { type: 'library', owner: 'team-b' }) },
      {
        entity: component(
          'gamma%2',
          { type: 'service' },
          { relations: [{ type: 'ownedBy', targetRef: 'group:default/team-b' }] },
        ),
      },
    ]);
  });

  it('answers not, prefix (with LIKE wildcards taken literally) and an empty anyOf', async () => {
    const all = {
      offset: 0,
      limit: 100,
      order: [{ field: 'metadata.name', order: 'asc' as const }],
    };
    expect(await names({ ...all, filter: { not: { key: 'spec.owner' } } })).toEqual([
      'beta',
      'gamma%2',
    ]);
    expect(await names({ ...all, filter: { key: 'metadata.name', prefix: 'gamma_' } })).toEqual([
      'gamma_1',
    ]);
    expect(await names({ ...all, filter: { key: 'spec.type', prefix: 'serv' } })).toEqual([
      'alpha',
      'gamma%2',
    ]);
    expect(await names({ ...all, filter: { anyOf: [] } })).toEqual([]);
    expect(await names({ ...all, filter: { allOf: [] } })).toHaveLength(4);
    expect(await names({ ...all, fullText: { term: '%' } })).toEqual(['gamma%2']);
  });

  it('sorts entities missing the order field last in both directions', async () => {
    const by = (order: 'asc' | 'desc') =>
      names({ offset: 0, limit: 10, order: [{ field: 'spec.owner', order }] });
    expect(await by('asc')).toEqual(['alpha', 'gamma_1', 'beta', 'gamma%2']);
    expect(await by('desc')).toEqual(['gamma_1', 'alpha', 'beta', 'gamma%2']);
  });

  it('replaces search rows and relations on upsert, and removes them on delete', async () => {
    await store.upsertFinalEntities([
      {
        entity: component(
          'gamma%2',
          { type: 'website' },
          { relations: [{ type: 'ownedBy', targetRef: 'group:default/team-c' }] },
        ),
      },
    ]);
    const facets = await queries.facets(['spec.type', 'relations.ownedBy']);
    expect(facets['spec.type']).toEqual([
      { value: 'website', count: 2 },
      { value: 'library', count: 1 },
      { value: 'service', count: 1 },
    ]);
    expect(facets['relations.ownedBy']).toEqual([{ value: 'group:default/team-c', count: 1 }]);
    expect(await store.deleteEntities(['uid-gamma%2', 'uid-unknown'])).toBe(1);
    const left = await knex(TABLES.search).where('entity_id', 'uid-gamma%2').count({ n: '*' });
    expect(Number(left[0].n)).toBe(0);
    expect(await queries.facets(['relations.ownedby'])).toEqual({ 'relations.ownedby': [] });
  });

  it('refuses entities without a uid', async () => {
    const entity = component('nouid', {});
    delete entity.metadata.uid;
    await expect(store.upsertFinalEntities([{ entity }])).rejects.toThrow(/no metadata.uid/);
  });
});
