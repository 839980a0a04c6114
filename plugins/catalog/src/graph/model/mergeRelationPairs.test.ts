import { describe, expect, it } from 'vitest';
import { mergeRelationPairs } from './mergeRelationPairs';

describe('mergeRelationPairs', () => {
  it('draws a relation stored in both directions once, in its forward direction', () => {
    expect(
      mergeRelationPairs([
        { from: 'group:default/a', to: 'component:default/x', type: 'ownerOf' },
        { from: 'component:default/x', to: 'group:default/a', type: 'ownedBy' },
      ]),
    ).toEqual([
      {
        id: 'component:default/x→group:default/a',
        from: 'component:default/x',
        to: 'group:default/a',
        types: ['ownedBy'],
      },
    ]);
  });

  it('turns a reverse seen alone to its forward type', () => {
    expect(
      mergeRelationPairs([{ from: 'group:default/p', to: 'group:default/c', type: 'parentOf' }]),
    ).toEqual([
      expect.objectContaining({
        from: 'group:default/p',
        to: 'group:default/c',
        types: ['parentOf'],
      }),
    ]);
    expect(
      mergeRelationPairs([{ from: 'group:default/c', to: 'group:default/p', type: 'childOf' }]),
    ).toEqual([
      expect.objectContaining({
        from: 'group:default/p',
        to: 'group:default/c',
        types: ['parentOf'],
      }),
    ]);
  });

  it('joins different types between the same two entities into one edge, sorted', () => {
    const edges = mergeRelationPairs([
      { from: 'a', to: 'b', type: 'partOf' },
      { from: 'a', to: 'b', type: 'dependsOn' },
      { from: 'b', to: 'a', type: 'dependencyOf' },
    ]);
    expect(edges).toEqual([{ id: 'a→b', from: 'a', to: 'b', types: ['dependsOn', 'partOf'] }]);
  });

  it('keeps opposite relations of one type as two edges, and custom types as they are', () => {
    const edges = mergeRelationPairs([
      { from: 'a', to: 'b', type: 'dependsOn' },
      { from: 'b', to: 'a', type: 'dependsOn' },
      { from: 'a', to: 'c', type: 'deploysTo' },
    ]);
    expect(edges.map(e => `${e.from}-${e.types.join()}-${e.to}`)).toEqual([
      'a-dependsOn-b',
      'b-dependsOn-a',
      'a-deploysTo-c',
    ]);
  });

  it('drops relations of an entity to itself', () => {
    expect(mergeRelationPairs([{ from: 'a', to: 'a', type: 'dependsOn' }])).toEqual([]);
  });
});
