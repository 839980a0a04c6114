import type { GraphFilter } from './graphFilter';
import { mergeRelationPairs } from './mergeRelationPairs';
import type { FetchGraphEntities, GraphEntity, GraphNode, RawEdge, RelationsGraph } from './types';

export interface WalkRelationsOptions {
  rootRef: string;
  /** 1 shows the root's direct relations; each step adds one ring. */
  maxDepth: number;
  /** The graph stops growing here and reports `capped`. */
  maxNodes: number;
  filter: GraphFilter;
  fetchEntities: FetchGraphEntities;
  /** Refs per fetch; one level may take several. */
  batchSize?: number;
}

const kindOfRef = (ref: string) => ref.slice(0, Math.max(ref.indexOf(':'), 0));

function toNode(entity: GraphEntity, depth: number): GraphNode {
  const { ref, kind, namespace, name, title } = entity;
  return { ref, kind, namespace, name, title, depth, isRoot: depth === 0 };
}

/**
 * Breadth first from the root: one batched fetch per ring, so depth 3 at 200 entities is a
 * handful of requests rather than one per entity. Relations the filter does not follow and
 * kinds it excludes are neither fetched nor drawn; the root is always drawn.
 */
export async function walkRelations(options: WalkRelationsOptions): Promise<RelationsGraph> {
  const { maxDepth, maxNodes, filter, fetchEntities, batchSize = 250 } = options;
  const rootRef = options.rootRef.toLowerCase();
  const [root] = await fetchEntities([rootRef]);
  if (!root) return { nodes: [], edges: [], capped: false, rootFound: false };

  const entities = new Map<string, GraphEntity>([[root.ref, root]]);
  const nodes = new Map<string, GraphNode>([[root.ref, toNode(root, 0)]]);
  const seen = new Set([rootRef, root.ref]);
  let frontier = [root];
  let capped = false;

  for (let depth = 1; depth <= maxDepth && frontier.length > 0 && !capped; depth += 1) {
    const candidates: string[] = [];
    for (const entity of frontier) {
      for (const relation of entity.relations) {
        const target = relation.targetRef.toLowerCase();
        if (seen.has(target) || !filter.followsRelation(relation.type)) continue;
        if (!filter.includesKind(kindOfRef(target))) continue;
        seen.add(target);
        candidates.push(target);
      }
    }
    const next: GraphEntity[] = [];
    for (let start = 0; start < candidates.length && !capped; start += batchSize) {
      const fetched = await fetchEntities(candidates.slice(start, start + batchSize));
      for (const entity of fetched) {
        // Relations to entities that are gone (or hidden by permissions) are left out.
        if (!entity || entities.has(entity.ref) || !filter.includesKind(entity.kind)) continue;
        if (nodes.size >= maxNodes) {
          capped = true;
          break;
        }
        entities.set(entity.ref, entity);
        nodes.set(entity.ref, toNode(entity, depth));
        next.push(entity);
      }
    }
    frontier = next;
  }

  return { nodes: [...nodes.values()], edges: collectEdges(entities), capped, rootFound: true };

  function collectEdges(drawn: Map<string, GraphEntity>) {
    const raw: RawEdge[] = [];
    for (const entity of drawn.values()) {
      for (const relation of entity.relations) {
        const to = relation.targetRef.toLowerCase();
        if (drawn.has(to) && filter.followsRelation(relation.type)) {
          raw.push({ from: entity.ref, to, type: relation.type });
        }
      }
    }
    return mergeRelationPairs(raw);
  }
}
