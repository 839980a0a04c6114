import { describe, expect, it } from 'vitest';
import { fakeGraphCatalog } from '../testing/fakeGraphCatalog';
import type { RelationSpec } from '../testing/fakeGraphCatalog';
import { createGraphEntityFetcher } from './fetchGraphEntities';
import { createGraphFilter } from './graphFilter';
import { walkRelations } from './walkRelations';

// component:default/shop is owned by team-a, part of system webshop, depends on db;
// team-a is a member of group dept, which owns many other things (depth 2 and 3 grow).
const refs = [
  'component:default/shop',
  'group:default/team-a',
  'group:default/dept',
  'system:default/webshop',
  'resource:default/db',
  'user:default/alice',
  'domain:default/commerce',
];
const relations: RelationSpec[] = [
  ['component:default/shop', 'ownedBy', 'group:default/team-a'],
  ['component:default/shop', 'partOf', 'system:default/webshop'],
  ['component:default/shop', 'dependsOn', 'resource:default/db'],
  ['group:default/team-a', 'childOf', 'group:default/dept'],
  ['user:default/alice', 'memberOf', 'group:default/team-a'],
  ['system:default/webshop', 'partOf', 'domain:default/commerce'],
  ['resource:default/db', 'ownedBy', 'group:default/team-a'],
];

function walk(options: {
  maxDepth: number;
  maxNodes?: number;
  kinds?: string[];
  relations?: string[];
  catalog?: ReturnType<typeof fakeGraphCatalog>;
  rootRef?: string;
  batchSize?: number;
}) {
  const catalog = options.catalog ?? fakeGraphCatalog(refs, relations);
  const result = walkRelations({
    rootRef: options.rootRef ?? 'component:default/shop',
    maxDepth: options.maxDepth,
    maxNodes: options.maxNodes ?? 200,
    batchSize: options.batchSize,
    filter: createGraphFilter({ kinds: options.kinds ?? [], relations: options.relations ?? [] }),
    fetchEntities: createGraphEntityFetcher(catalog.api),
  });
  return { result, catalog };
}

const refsOf = (graph: { nodes: { ref: string }[] }) => graph.nodes.map(n => n.ref).sort();

describe('walkRelations', () => {
  it('at depth 1 draws the root and its direct relations, each pair as one edge', async () => {
    const { result, catalog } = walk({ maxDepth: 1 });
    const graph = await result;
    expect(refsOf(graph)).toEqual([
      'component:default/shop',
      'group:default/team-a',
      'resource:default/db',
      'system:default/webshop',
    ]);
    expect(graph.nodes.find(n => n.isRoot)?.ref).toBe('component:default/shop');
    expect(graph.nodes.filter(n => n.isRoot)).toHaveLength(1);
    // db ownedBy team-a is between two drawn entities, so it is drawn too.
    expect(graph.edges.map(e => `${e.from} ${e.types.join('+')} ${e.to}`).sort()).toEqual([
      'component:default/shop dependsOn resource:default/db',
      'component:default/shop ownedBy group:default/team-a',
      'component:default/shop partOf system:default/webshop',
      'resource:default/db ownedBy group:default/team-a',
    ]);
    expect(graph.capped).toBe(false);
    // One request for the root, one for the ring, with only the fields the graph reads.
    expect(catalog.requests.map(r => r.entityRefs.length)).toEqual([1, 3]);
    expect(catalog.requests[1].fields).toEqual([
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.title',
      'relations',
    ]);
  });

  it('adds one ring per depth with one batched request per ring', async () => {
    const two = walk({ maxDepth: 2 });
    const graph2 = await two.result;
    expect(refsOf(graph2)).toEqual([
      'component:default/shop',
      'domain:default/commerce',
      'group:default/dept',
      'group:default/team-a',
      'resource:default/db',
      'system:default/webshop',
      'user:default/alice',
    ]);
    expect(graph2.nodes.find(n => n.ref === 'user:default/alice')?.depth).toBe(2);
    expect(two.catalog.requests).toHaveLength(3);
    expect(graph2.edges.find(e => e.from === 'group:default/dept')?.types).toEqual(['parentOf']);

    // Depth 3 finds nothing new and asks for nothing more.
    const three = walk({ maxDepth: 3 });
    expect(refsOf(await three.result)).toEqual(refsOf(graph2));
    expect(three.catalog.requests).toHaveLength(3);
  });

  it('splits a large ring into batches', async () => {
    const many = Array.from({ length: 7 }, (_, i) => `component:default/c${i}`);
    const catalog = fakeGraphCatalog(
      ['group:default/big', ...many],
      many.map((ref): RelationSpec => [ref, 'ownedBy', 'group:default/big']),
    );
    const { result } = walk({ maxDepth: 1, catalog, rootRef: 'group:default/big', batchSize: 3 });
    expect((await result).nodes).toHaveLength(8);
    expect(catalog.requests.map(r => r.entityRefs.length)).toEqual([1, 3, 3, 1]);
  });

  it('stops at the node limit, says so, and fetches no further rings', async () => {
    const many = Array.from({ length: 50 }, (_, i) => `component:default/c${i}`);
    const catalog = fakeGraphCatalog(
      ['group:default/big', 'group:default/parent', ...many],
      [
        ...many.map((ref): RelationSpec => [ref, 'ownedBy', 'group:default/big']),
        ['group:default/big', 'childOf', 'group:default/parent'],
      ],
    );
    const { result } = walk({ maxDepth: 3, maxNodes: 10, catalog, rootRef: 'group:default/big' });
    const graph = await result;
    expect(graph.nodes).toHaveLength(10);
    expect(graph.capped).toBe(true);
    expect(graph.nodes.every(n => n.depth <= 1)).toBe(true);
    expect(catalog.requests).toHaveLength(2);
    const drawn = new Set(graph.nodes.map(n => n.ref));
    expect(graph.edges.every(e => drawn.has(e.from) && drawn.has(e.to))).toBe(true);
  });

  it('is not capped when the limit is exactly reached', async () => {
    const graph = await walk({ maxDepth: 1, maxNodes: 4 }).result;
    expect(graph.nodes).toHaveLength(4);
    expect(graph.capped).toBe(false);
  });

  it('leaves out kinds not selected without fetching them, but always keeps the root', async () => {
    const { result, catalog } = walk({ maxDepth: 2, kinds: ['group', 'User'] });
    const graph = await result;
    expect(refsOf(graph)).toEqual([
      'component:default/shop',
      'group:default/dept',
      'group:default/team-a',
      'user:default/alice',
    ]);
    expect(catalog.requests.flatMap(r => r.entityRefs)).not.toContain('resource:default/db');
  });

  it('follows only the selected relation pairs, in both directions', async () => {
    const graph = await walk({ maxDepth: 3, relations: ['ownedBy'] }).result;
    expect(refsOf(graph)).toEqual([
      'component:default/shop',
      'group:default/team-a',
      'resource:default/db',
    ]);
    expect(graph.edges.every(e => e.types.join() === 'ownedBy')).toBe(true);
    expect(graph.edges).toHaveLength(2);
  });

  it('skips relations to entities that are missing from the catalog', async () => {
    const catalog = fakeGraphCatalog(
      ['component:default/lonely'],
      [['component:default/lonely', 'ownedBy', 'group:default/gone']],
    );
    const graph = await walk({ maxDepth: 2, catalog, rootRef: 'component:default/lonely' }).result;
    expect(refsOf(graph)).toEqual(['component:default/lonely']);
    expect(graph.edges).toEqual([]);
    expect(graph.rootFound).toBe(true);
  });

  it('reports a root that is not in the catalog', async () => {
    const graph = await walk({ maxDepth: 1, rootRef: 'component:default/nope' }).result;
    expect(graph).toEqual({ nodes: [], edges: [], capped: false, rootFound: false });
  });

  it('accepts the root ref in any case', async () => {
    const graph = await walk({ maxDepth: 1, rootRef: 'Component:default/Shop' }).result;
    expect(graph.nodes.find(n => n.isRoot)?.ref).toBe('component:default/shop');
    expect(graph.nodes).toHaveLength(4);
  });

  it('passes fetch errors on', async () => {
    const failing = walkRelations({
      rootRef: 'component:default/shop',
      maxDepth: 1,
      maxNodes: 10,
      filter: createGraphFilter({ kinds: [], relations: [] }),
      fetchEntities: async () => {
        throw new Error('catalog unreachable');
      },
    });
    await expect(failing).rejects.toThrow('catalog unreachable');
  });
});
