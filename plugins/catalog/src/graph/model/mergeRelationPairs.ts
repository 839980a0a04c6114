import { RELATION_PAIRS } from '@greenroom/catalog-model';
import type { GraphEdge, RawEdge } from './types';

const forwardOfReverse = new Map(RELATION_PAIRS.map(([forward, reverse]) => [reverse, forward]));

/**
 * The catalog stores each relation in both directions (`a ownedBy b`, `b ownerOf a`). Draws each
 * once, turned to its forward type, and joins the types between the same two entities into one
 * edge so labels do not pile up on top of each other.
 */
export function mergeRelationPairs(edges: readonly RawEdge[]): GraphEdge[] {
  const merged = new Map<string, GraphEdge>();
  for (const edge of edges) {
    const forward = forwardOfReverse.get(edge.type);
    const [from, to, type] = forward
      ? [edge.to, edge.from, forward]
      : [edge.from, edge.to, edge.type];
    if (from === to) continue;
    const id = `${from}→${to}`;
    const existing = merged.get(id);
    if (!existing) merged.set(id, { id, from, to, types: [type] });
    else if (!existing.types.includes(type)) existing.types.push(type);
  }
  const result = [...merged.values()];
  for (const edge of result) edge.types.sort();
  return result;
}
