/** An entity as the graph needs it: identity, a label and where its relations point. */
export interface GraphEntity {
  /** `kind:namespace/name`, lowercase, as the catalog stores refs. */
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  relations: { type: string; targetRef: string }[];
}

export interface GraphNode {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** Steps from the root; the root is 0. */
  depth: number;
  isRoot: boolean;
}

/** One relation as stored, seen from `from`. */
export interface RawEdge {
  from: string;
  to: string;
  type: string;
}

/** A relation and its reverse drawn once, in the forward direction, with every type between the pair. */
export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  types: string[];
}

export interface RelationsGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when more entities were reachable than the node limit allowed. */
  capped: boolean;
  /** False when the root entity itself is not in the catalog. */
  rootFound: boolean;
}

/** Fetches entities by ref, in request order, null where not found. */
export type FetchGraphEntities = (refs: string[]) => Promise<(GraphEntity | null)[]>;
