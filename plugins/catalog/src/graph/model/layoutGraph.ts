import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphNode } from './types';

export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const NODE_HEIGHT = 56;
const CHAR_WIDTH = 7.5;
const MIN_WIDTH = 120;
const MAX_WIDTH = 280;
const NODE_GAP = 24;
const COLUMN_GAP = 48;

/** Room for the longer of the two lines a node shows (kind, then title or name). */
export function nodeWidth(node: GraphNode): number {
  // The root's first line also says "this entity" (or its translation).
  const kindLine = node.kind.length + (node.isRoot ? 16 : 0);
  const longest = Math.max((node.title ?? node.name).length, kindLine);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(longest * CHAR_WIDTH + 32)));
}

/**
 * Top-left corner and size of each node, left to right along the relations (dagre). A rank
 * taller than `maxPerColumn` nodes (a group owning 150 components) is folded into side-by-side
 * columns, so the whole graph fits the view at a zoom where names stay readable.
 */
export function layoutGraph(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  options: { maxPerColumn?: number } = {},
): Map<string, NodeBox> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: 96, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.ref, { width: nodeWidth(node), height: NODE_HEIGHT });
  }
  for (const edge of edges) graph.setEdge(edge.from, edge.to);
  dagre.layout(graph);
  const boxes = new Map<string, NodeBox>();
  for (const node of nodes) {
    const { x, y, width, height } = graph.node(node.ref);
    boxes.set(node.ref, { x: x - width / 2, y: y - height / 2, width, height });
  }
  foldTallRanks(boxes, options.maxPerColumn ?? 20);
  return boxes;
}

/** Dagre puts a rank in one column; folds the tall ones and moves later ranks right. */
function foldTallRanks(boxes: Map<string, NodeBox>, maxPerColumn: number) {
  const ranks = new Map<number, { ref: string; box: NodeBox }[]>();
  for (const [ref, box] of boxes) {
    const center = Math.round(box.x + box.width / 2);
    ranks.set(center, [...(ranks.get(center) ?? []), { ref, box }]);
  }
  let shift = 0;
  for (const center of [...ranks.keys()].sort((a, b) => a - b)) {
    const rank = ranks.get(center)!.sort((a, b) => a.box.y - b.box.y);
    if (rank.length <= maxPerColumn) {
      for (const { box } of rank) box.x += shift;
      continue;
    }
    const columns = Math.ceil(rank.length / maxPerColumn);
    const rows = Math.ceil(rank.length / columns);
    const columnWidth = Math.max(...rank.map(({ box }) => box.width));
    const middle = (rank[0].box.y + rank[rank.length - 1].box.y + NODE_HEIGHT) / 2;
    const top = middle - (rows * (NODE_HEIGHT + NODE_GAP) - NODE_GAP) / 2;
    const left = center - columnWidth / 2 + shift;
    rank.forEach(({ box }, i) => {
      const column = Math.floor(i / rows);
      box.x = left + column * (columnWidth + COLUMN_GAP) + (columnWidth - box.width) / 2;
      box.y = top + (i % rows) * (NODE_HEIGHT + NODE_GAP);
    });
    shift += (columns - 1) * (columnWidth + COLUMN_GAP);
  }
}
