import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@greenroom/catalog-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureEntities } from '../testing/loadFixtureEntities';
import {
  startCatalogTestBackend,
  type CatalogTestBackend,
} from '../testing/startCatalogTestBackend';

const databases = TestDatabases.create();

const refsOf = (entities: Array<Entity | undefined>) =>
  entities.map(e => (e ? stringifyEntityRef(e) : 'missing')).sort();

describe.each(databases.eachSupportedId())('catalog read API on %s', id => {
  let catalog: CatalogTestBackend;
  let fixtures: Entity[];
  const where = (test: (e: Entity) => boolean) => refsOf(fixtures.filter(test));
  const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

  beforeAll(async () => {
    catalog = await startCatalogTestBackend(databases, id);
    fixtures = await loadFixtureEntities();
    await catalog.store.upsertFinalEntities(fixtures.map(entity => ({ entity })));
  });
  afterAll(() => catalog?.stop());

  it('loads the fixtures (sanity check of the oracle)', async () => {
    expect(fixtures.length).toBeGreaterThan(60);
    const { items } = await catalog.client.getEntities();
    expect(refsOf(items)).toEqual(refsOf(fixtures));
  });

  it('filters: sets are ORed, conditions ANDed, same-key values ORed, case-insensitive', async () => {
    const usersOrGroups = await catalog.client.getEntities({
      filter: [{ kind: 'USER' }, { kind: 'group' }],
    });
    expect(refsOf(usersOrGroups.items)).toEqual(
      where(e => ['user', 'group'].includes(e.kind.toLowerCase())),
    );
    const typed = await catalog.client.getEntities({
      filter: { kind: 'component', 'spec.type': ['Service', 'website'] },
    });
    const expected = where(
      e => e.kind === 'Component' && ['service', 'website'].includes(lower(e.spec?.type) as string),
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(refsOf(typed.items)).toEqual(expected);
  });

  it('filters on existence, tags (both forms), annotations and relations', async () => {
    const withLifecycle = await catalog.client.getEntities({
      filter: { 'spec.lifecycle': CATALOG_FILTER_EXISTS },
    });
    expect(refsOf(withLifecycle.items)).toEqual(where(e => e.spec?.lifecycle !== undefined));

    const tagged = where(e => (e.metadata.tags ?? []).includes('java'));
    expect(tagged.length).toBeGreaterThan(0);
    const byValue = await catalog.client.getEntities({ filter: { 'metadata.tags': 'java' } });
    expect(refsOf(byValue.items)).toEqual(tagged);
    const bySyntheticKey = (await (
      await catalog.request('/entities?filter=metadata.tags.java')
    ).json()) as Entity[];
    expect(refsOf(bySyntheticKey)).toEqual(tagged);

    const annotated = where(
      e => e.metadata.annotations?.['backstage.io/definition-at-location'] !== undefined,
    );
    expect(annotated.length).toBeGreaterThan(0);
    const byAnnotation = await catalog.client.getEntities({
      filter: { 'metadata.annotations.backstage.io/definition-at-location': CATALOG_FILTER_EXISTS },
    });
    expect(refsOf(byAnnotation.items)).toEqual(annotated);

    const owned = where(e =>
      (e.relations ?? []).some(r => r.type === 'ownedBy' && r.targetRef === 'group:default/team-a'),
    );
    expect(owned.length).toBeGreaterThan(0);
    const byRelation = await catalog.client.getEntities({
      filter: { 'relations.ownedBy': 'Group:default/team-a' },
    });
    expect(refsOf(byRelation.items)).toEqual(owned);
  });

  it('projects fields, orders, and pages /entities with a Link header', async () => {
    const { items } = await catalog.client.getEntities({
      filter: { kind: 'system' },
      fields: ['kind', 'metadata.name'],
      order: { field: 'metadata.name', order: 'desc' },
    });
    const names = fixtures.filter(e => e.kind === 'System').map(e => e.metadata.name);
    expect(items).toEqual(
      names
        .sort()
        .reverse()
        .map(name => ({ kind: 'System', metadata: { name } })),
    );

    const first = await catalog.request(
      '/entities?filter=kind=user&limit=5&order=asc:metadata.name',
    );
    const page1 = (await first.json()) as Entity[];
    expect(page1).toHaveLength(5);
    const link = first.headers.get('link');
    const after = /after=([^&>]+)/.exec(link ?? '')?.[1];
    expect(after).toBeDefined();
    const page2 = (await (await catalog.request(`/entities?after=${after}`)).json()) as Entity[];
    const users = fixtures
      .filter(e => e.kind === 'User')
      .map(e => e.metadata.name)
      .sort();
    expect([...page1, ...page2].map(e => e.metadata.name)).toEqual(users.slice(0, 10));
  });

  it('pages by-query with cursors (GET and POST), totals and prevCursor', async () => {
    const components = where(e => e.kind === 'Component');
    const seen: Entity[] = [];
    let response = await catalog.client.queryEntities({
      filter: { kind: 'component' },
      limit: 4,
      orderFields: { field: 'metadata.name', order: 'asc' },
    });
    expect(response.totalItems).toBe(components.length);
    seen.push(...response.items);
    let pages = 1;
    while (response.pageInfo.nextCursor) {
      response = await catalog.client.queryEntities({ cursor: response.pageInfo.nextCursor });
      expect(response.pageInfo.prevCursor).toBeDefined();
      seen.push(...response.items);
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(components.length / 4));
    expect(refsOf(seen)).toEqual(components);
    const names = seen.map(e => e.metadata.name);
    expect(names).toEqual([...names].sort());

    const predicate = await catalog.client.queryEntities({
      query: { $all: [{ kind: 'component' }, { $not: { 'spec.type': 'service' } }] },
      limit: 2,
      totalItems: 'exclude',
      fields: ['metadata.name', 'kind', 'metadata.namespace'],
    });
    expect(predicate.totalItems).toBe(0);
    // fields apply per request; the cursor carries the query, not the projection.
    const next = await catalog.client.queryEntities({
      cursor: predicate.pageInfo.nextCursor!,
      fields: ['metadata.name', 'kind', 'metadata.namespace'],
    });
    expect(refsOf([...predicate.items, ...next.items]).every(r => r.startsWith('component:'))).toBe(
      true,
    );
    expect(next.items.some(e => e.spec)).toBe(false);
  });

  it('matches fullTextFilter terms case-insensitively, by default and on given fields', async () => {
    const term = 'PETSTORE';
    const { items } = await catalog.client.queryEntities({ fullTextFilter: { term }, limit: 100 });
    const expected = where(e =>
      [e.metadata.name, e.metadata.title, e.metadata.description].some(
        v => typeof v === 'string' && v.toLowerCase().includes('petstore'),
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(refsOf(items)).toEqual(expected);
    const onType = await catalog.client.queryEntities({
      fullTextFilter: { term: 'serv', fields: ['spec.type'] },
      limit: 100,
    });
    expect(refsOf(onType.items)).toEqual(where(e => String(e.spec?.type ?? '').includes('serv')));
    // Column-backed fields match case-insensitively too (PostgreSQL's LIKE alone would not).
    const mixedCase = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'Mixed-Case-Thing', uid: '7d3c1a52-0b8e-4f43-9a8e-2f1b0c9d4e51' },
      spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    };
    await catalog.store.upsertFinalEntities([{ entity: mixedCase }]);
    const onName = await catalog.client.queryEntities({
      fullTextFilter: { term: 'case-thing', fields: ['metadata.name'] },
      limit: 100,
    });
    expect(refsOf(onName.items)).toEqual([stringifyEntityRef(mixedCase)]);
    await catalog.store.deleteEntities([mixedCase.metadata.uid]);
  });

  it('gets by name (case-insensitive), by uid, and by refs in request order', async () => {
    const target = fixtures.find(e => e.kind === 'Component')!;
    const byRef = await catalog.client.getEntityByRef(stringifyEntityRef(target).toUpperCase());
    expect(byRef).toEqual(target);
    expect(await catalog.client.getEntityByRef('component:default/does-not-exist')).toBeUndefined();
    const byUid = await catalog.request(`/entities/by-uid/${target.metadata.uid}`);
    expect(byUid.status).toBe(200);
    expect(await byUid.json()).toEqual(target);

    const refs = ['user:default/nobody', stringifyEntityRef(target), 'group:default/team-a'];
    const { items } = await catalog.client.getEntitiesByRefs({
      entityRefs: refs,
      fields: ['metadata.name'],
    });
    expect(items).toEqual([
      undefined,
      { metadata: { name: target.metadata.name } },
      { metadata: { name: 'team-a' } },
    ]);
    const filtered = await catalog.client.getEntitiesByRefs({
      entityRefs: refs,
      filter: { kind: 'group' },
    });
    expect(filtered.items.map(e => e?.metadata.name)).toEqual([undefined, undefined, 'team-a']);
  });

  it('counts facets with original casing, respecting the filter (GET and POST)', async () => {
    const { facets } = await catalog.client.getEntityFacets({
      facets: ['kind', 'spec.type', 'metadata.tags'],
      filter: { kind: ['component', 'api'] },
    });
    const scope = fixtures.filter(e => ['Component', 'API'].includes(e.kind));
    const count = (values: unknown[]) => {
      const counts = new Map<string, number>();
      for (const v of values) if (typeof v === 'string') counts.set(v, (counts.get(v) ?? 0) + 1);
      return [...counts].map(([value, n]) => ({ value, count: n }));
    };
    const sorted = (list: Array<{ value: string; count: number }>) =>
      [...list].sort((a, b) => a.value.localeCompare(b.value));
    expect(sorted(facets.kind)).toEqual(sorted(count(scope.map(e => e.kind))));
    expect(sorted(facets['spec.type'])).toEqual(sorted(count(scope.map(e => e.spec?.type))));
    expect(sorted(facets['metadata.tags'])).toEqual(
      sorted(count(scope.flatMap(e => [...new Set(e.metadata.tags ?? [])]))),
    );
    const posted = await catalog.client.getEntityFacets({
      facets: ['kind'],
      query: { kind: { $in: ['group', 'user'] } },
    });
    expect(sorted(posted.facets.kind)).toEqual(
      sorted(count(fixtures.filter(e => ['Group', 'User'].includes(e.kind)).map(e => e.kind))),
    );
  });

  it('deletes by uid, after which the entity is gone from every read path', async () => {
    const victim = fixtures.find(e => e.kind === 'Resource')!;
    await catalog.client.removeEntityByUid(victim.metadata.uid!);
    expect((await catalog.request(`/entities/by-uid/${victim.metadata.uid}`)).status).toBe(404);
    const { facets } = await catalog.client.getEntityFacets({ facets: ['kind'] });
    expect(facets.kind.find(f => f.value === 'Resource')).toBeUndefined();
    const { items } = await catalog.client.getEntities({ filter: { kind: 'resource' } });
    expect(items).toEqual([]);
    await catalog.store.upsertFinalEntities([{ entity: victim }]);
    expect(await catalog.client.getEntityByRef(stringifyEntityRef(victim))).toEqual(victim);
  });
});
