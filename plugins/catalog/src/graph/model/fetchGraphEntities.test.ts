import { describe, expect, it } from 'vitest';
import { fakeGraphCatalog } from '../testing/fakeGraphCatalog';
import { createGraphEntityFetcher, toGraphEntity } from './fetchGraphEntities';

describe('createGraphEntityFetcher', () => {
  it('answers in request order, null for missing, and asks only for refs not seen before', async () => {
    const catalog = fakeGraphCatalog(
      ['component:default/a', 'component:default/b'],
      [['component:default/a', 'dependsOn', 'component:default/b']],
    );
    const fetch = createGraphEntityFetcher(catalog.api);
    const first = await fetch(['component:default/b', 'component:default/gone']);
    expect(first.map(e => e?.ref ?? null)).toEqual(['component:default/b', null]);
    const second = await fetch([
      'component:default/gone',
      'component:default/a',
      'component:default/b',
    ]);
    expect(second.map(e => e?.ref ?? null)).toEqual([
      null,
      'component:default/a',
      'component:default/b',
    ]);
    expect(catalog.requests.map(r => r.entityRefs)).toEqual([
      ['component:default/b', 'component:default/gone'],
      ['component:default/a'],
    ]);
    expect(second[1]?.relations).toEqual([{ type: 'dependsOn', targetRef: 'component:default/b' }]);
  });

  it('makes no request when every ref is known', async () => {
    const catalog = fakeGraphCatalog(['component:default/a'], []);
    const fetch = createGraphEntityFetcher(catalog.api);
    await fetch(['component:default/a']);
    await fetch(['component:default/a']);
    expect(catalog.requests).toHaveLength(1);
  });
});

describe('toGraphEntity', () => {
  it('defaults the namespace, keeps the case of kind and name, and reads the title', () => {
    expect(
      toGraphEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: { name: 'Petstore', title: 'Pet Store' },
      }),
    ).toEqual({
      ref: 'api:default/petstore',
      kind: 'API',
      namespace: 'default',
      name: 'Petstore',
      title: 'Pet Store',
      relations: [],
    });
  });
});
