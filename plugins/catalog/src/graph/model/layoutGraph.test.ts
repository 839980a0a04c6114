import { describe, expect, it } from 'vitest';
import { layoutGraph, NODE_HEIGHT, nodeWidth } from './layoutGraph';
import type { GraphNode } from './types';

const node = (ref: string, depth: number, name = ref.split('/')[1]): GraphNode => ({
  ref,
  kind: ref.split(':')[0],
  namespace: 'default',
  name,
  depth,
  isRoot: depth === 0,
});

function overlaps(boxes: { x: number; y: number; width: number; height: number }[]) {
  return boxes.some((a, i) =>
    boxes.some(
      (b, j) =>
        i < j &&
        a.x < b.x + b.width &&
        b.x < a.x + a.width &&
        a.y < b.y + b.height &&
        b.y < a.y + a.height,
    ),
  );
}

describe('layoutGraph', () => {
  it('places every node without overlap, left to right along the edges', () => {
    const nodes = [
      node('component:default/a', 0),
      node('group:default/b', 1),
      node('api:default/c', 1),
    ];
    const boxes = layoutGraph(nodes, [
      { id: '1', from: 'component:default/a', to: 'group:default/b', types: ['ownedBy'] },
      { id: '2', from: 'component:default/a', to: 'api:default/c', types: ['providesApi'] },
    ]);
    expect(boxes.size).toBe(3);
    const a = boxes.get('component:default/a')!;
    const b = boxes.get('group:default/b')!;
    const c = boxes.get('api:default/c')!;
    expect(b.x).toBeGreaterThan(a.x + a.width);
    expect(c.x).toBeGreaterThan(a.x + a.width);
    const overlapY = b.y < c.y + c.height && c.y < b.y + b.height;
    expect(overlapY).toBe(false);
    expect(a.height).toBe(NODE_HEIGHT);
  });

  it('lays out 200 nodes', () => {
    const nodes = [node('group:default/root', 0)];
    const edges = [];
    for (let i = 0; i < 199; i += 1) {
      nodes.push(node(`component:default/c${i}`, 1));
      edges.push({
        id: `${i}`,
        from: `component:default/c${i}`,
        to: 'group:default/root',
        types: ['ownedBy'],
      });
    }
    const boxes = layoutGraph(nodes, edges);
    expect(boxes.size).toBe(200);
    const all = [...boxes.values()];
    expect(all.every(box => Number.isFinite(box.x) && Number.isFinite(box.y))).toBe(true);
    // 199 owners-of-root in one rank fold into 10 columns of at most 20: wide, not 16,000px tall.
    const root = boxes.get('group:default/root')!;
    const leaves = all.filter(box => box !== root);
    expect(new Set(leaves.map(box => box.x)).size).toBe(10);
    const height = Math.max(...all.map(b => b.y + b.height)) - Math.min(...all.map(b => b.y));
    expect(height).toBeLessThanOrEqual(20 * (NODE_HEIGHT + 24));
    expect(overlaps(all)).toBe(false);
    // Every edge points from the leaves' side to the root's.
    expect(leaves.every(box => box.x + box.width < root.x)).toBe(true);
  });

  it('moves ranks after a folded rank to the right', () => {
    const nodes = [node('system:default/s', 0)];
    const edges = [];
    for (let i = 0; i < 30; i += 1) {
      nodes.push(node(`component:default/c${i}`, 1));
      edges.push({
        id: `e${i}`,
        from: 'system:default/s',
        to: `component:default/c${i}`,
        types: ['hasPart'],
      });
    }
    nodes.push(node('group:default/far', 2));
    edges.push({
      id: 'f',
      from: 'component:default/c0',
      to: 'group:default/far',
      types: ['ownedBy'],
    });
    const boxes = layoutGraph(nodes, edges, { maxPerColumn: 10 });
    const all = [...boxes.values()];
    expect(overlaps(all)).toBe(false);
    const parts = [...boxes].filter(([ref]) => ref.includes('/c')).map(([, box]) => box);
    expect(new Set(parts.map(box => box.x)).size).toBe(3);
    const far = boxes.get('group:default/far')!;
    expect(parts.every(box => far.x > box.x + box.width)).toBe(true);
  });

  it('sizes nodes to their label within bounds', () => {
    expect(nodeWidth(node('component:default/a', 1))).toBe(120);
    expect(nodeWidth(node('component:default/a', 0))).toBeGreaterThan(120);
    expect(nodeWidth(node('component:default/x', 0, 'x'.repeat(500)))).toBe(280);
  });
});
